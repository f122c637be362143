using System.Text.Json;

namespace Vigia.Scenarios.Format;

public static partial class TrackFileReader
{
    /// <summary>One pass over the file with a <see cref="Utf8JsonReader"/>; tracks its JSON path for errors.</summary>
    private ref partial struct Parser
    {
        private readonly ReadOnlySpan<byte> _json;
        private readonly string _fileName;
        private Utf8JsonReader _reader;

        public Parser(ReadOnlySpan<byte> json, string fileName)
        {
            _json = json;
            _fileName = fileName;
            _reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            CurrentField = "(root)";
        }

        /// <summary>JSON path of the value being read, for error messages.</summary>
        public string CurrentField { get; private set; }

        public TrackFile ReadFile()
        {
            if (!_reader.Read())
            {
                throw Fault("(root)", "file is empty");
            }

            ExpectStartObject("(root)");
            string? schema = null;
            var tracker = "";
            double? loopSeconds = null;
            long? measurements = null;
            List<TrackFileSnapshot>? snapshots = null;
            while (NextProperty("(root)") is { } name)
            {
                switch (name)
                {
                    case "schema":
                        schema = ReadString("schema", allowNull: false);
                        if (schema != TrackFile.SchemaName)
                        {
                            throw Fault("schema", $"expected \"{TrackFile.SchemaName}\", found \"{schema}\"");
                        }

                        break;
                    case "tracker":
                        tracker = ReadString("tracker", allowNull: true) ?? "";
                        break;
                    case "timing":
                        (loopSeconds, measurements) = ReadTiming();
                        break;
                    case "snapshots":
                        snapshots = ReadSnapshots();
                        break;
                    default:
                        _reader.Skip();
                        break;
                }
            }

            if (_reader.Read())
            {
                throw Fault("(root)", "unexpected content after the root object");
            }

            if (schema is null)
            {
                throw Fault("schema", "missing (expected \"" + TrackFile.SchemaName + "\")");
            }

            if (snapshots is null)
            {
                throw Fault("snapshots", "missing");
            }

            return new TrackFile { Tracker = tracker, LoopSeconds = loopSeconds, Measurements = measurements, Snapshots = snapshots };
        }

        private (double? LoopSeconds, long? Measurements) ReadTiming()
        {
            if (_reader.TokenType == JsonTokenType.Null)
            {
                return (null, null);
            }

            ExpectStartObject("timing");
            double? loop = null;
            long? measurements = null;
            while (NextProperty("timing") is { } name)
            {
                switch (name)
                {
                    case "loop_s":
                        loop = _reader.TokenType == JsonTokenType.Null ? null : ReadNumber("timing.loop_s");
                        if (loop < 0)
                        {
                            throw Fault("timing.loop_s", "must not be negative");
                        }

                        break;
                    case "measurements":
                        measurements = _reader.TokenType == JsonTokenType.Null ? null : ReadCount("timing.measurements");
                        break;
                    default:
                        _reader.Skip();
                        break;
                }
            }

            return (loop, measurements);
        }

        private List<TrackFileSnapshot> ReadSnapshots()
        {
            ExpectStartArray("snapshots");
            var snapshots = new List<TrackFileSnapshot>();
            var previousT = double.NegativeInfinity;
            while (NextElement("snapshots"))
            {
                var field = $"snapshots[{snapshots.Count}]";
                var position = _reader.TokenStartIndex;
                var snapshot = ReadSnapshot(field);
                if (!(snapshot.T > previousT))
                {
                    throw Fault(position, field + ".t",
                        $"snapshot times must increase strictly; {FormatNumber(snapshot.T)} follows {FormatNumber(previousT)}");
                }

                previousT = snapshot.T;
                snapshots.Add(snapshot);
            }

            return snapshots;
        }

        private TrackFileSnapshot ReadSnapshot(string field)
        {
            ExpectStartObject(field);
            double? t = null;
            List<TrackPoint>? tracks = null;
            while (NextProperty(field) is { } name)
            {
                switch (name)
                {
                    case "t":
                        t = ReadNumber(field + ".t");
                        break;
                    case "tracks":
                        tracks = ReadTracks(field + ".tracks");
                        break;
                    default:
                        _reader.Skip();
                        break;
                }
            }

            if (t is null)
            {
                throw Fault(field + ".t", "missing");
            }

            return new TrackFileSnapshot(t.Value, tracks ?? throw Fault(field + ".tracks", "missing"));
        }

        private List<TrackPoint> ReadTracks(string field)
        {
            ExpectStartArray(field);
            var tracks = new List<TrackPoint>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (NextElement(field))
            {
                var trackField = $"{field}[{tracks.Count}]";
                var start = _reader.TokenStartIndex;
                var track = ReadTrack(trackField);
                if (!ids.Add(track.Id))
                {
                    throw Fault(start, trackField + ".id", $"track id \"{track.Id}\" appears twice in one snapshot");
                }

                tracks.Add(track);
            }

            return tracks;
        }

        private TrackPoint ReadTrack(string field)
        {
            ExpectStartObject(field);
            string? id = null;
            double? x = null, y = null, z = null;
            while (NextProperty(field) is { } name)
            {
                switch (name)
                {
                    case "id":
                        id = ReadId(field + ".id");
                        break;
                    case "x":
                        x = ReadNumber(field + ".x");
                        break;
                    case "y":
                        y = ReadNumber(field + ".y");
                        break;
                    case "z":
                        z = ReadNumber(field + ".z");
                        break;
                    default:
                        _reader.Skip();
                        break;
                }
            }

            return new TrackPoint(
                id ?? throw Fault(field + ".id", "missing"),
                x ?? throw Fault(field + ".x", "missing"),
                y ?? throw Fault(field + ".y", "missing"),
                z ?? throw Fault(field + ".z", "missing"));
        }
    }
}
