using System.Buffers;
using System.Text.Json;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioWriter
{
    /// <summary>Starts a truth target (its states follow with <see cref="WriteTruthState"/>).</summary>
    /// <param name="id">Truth id, unique in the file.</param>
    /// <param name="uasId">Its Remote ID identity, or null if it does not broadcast.</param>
    /// <param name="birthSeconds">Birth time, seconds after the epoch.</param>
    /// <param name="role">Its role for alerting evaluation (<c>role</c>), or null to write none.</param>
    public void BeginTruth(int id, string? uasId, double birthSeconds, TruthRole? role = null)
    {
        ThrowIfCompleted();
        _truth.Begin(id, uasId, birthSeconds, role);
    }

    /// <summary>Adds a state to an open truth target.</summary>
    public void WriteTruthState(int id, in TruthState state)
    {
        ThrowIfCompleted();
        _truth.Add(id, state);
    }

    /// <summary>Closes a truth target at its death, moving its states out of memory into the spool.</summary>
    public void EndTruth(int id, double deathSeconds)
    {
        ThrowIfCompleted();
        _truth.End(id, deathSeconds);
    }

    /// <summary>Writes a whole truth target (convenience for copying files).</summary>
    public void WriteTruthTrack(TruthTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        BeginTruth(track.Id, track.UasId, track.BirthSeconds, track.Role);
        foreach (var state in track.States)
        {
            WriteTruthState(track.Id, state);
        }

        if (track.DeathSeconds is { } death)
        {
            EndTruth(track.Id, death);
        }
    }

    /// <summary>
    /// Finished truth targets as JSON objects in a delete-on-close temporary file, indexed by id,
    /// so that an hour of many targets costs memory only for the targets alive now.
    /// </summary>
    private sealed class TruthSpool : IDisposable
    {
        private readonly Dictionary<int, OpenTarget> _open = [];
        private readonly SortedDictionary<int, (long Offset, int Length)> _index = [];
        private FileStream? _file;
        private Utf8JsonWriter? _json;

        public void Begin(int id, string? uasId, double birthSeconds, TruthRole? role)
        {
            if (_index.ContainsKey(id) || !_open.TryAdd(id, new OpenTarget(uasId, birthSeconds, role)))
            {
                throw new ArgumentException($"truth id {id} was already written", nameof(id));
            }
        }

        public void Add(int id, in TruthState state) => Open(id).States.Add(state);

        public void End(int id, double deathSeconds)
        {
            Spool(id, Open(id), deathSeconds);
            _open.Remove(id);
        }

        /// <summary>Spools the targets still alive (death null), then copies every target in id order.</summary>
        public void CopyTo(Utf8JsonWriter output)
        {
            foreach (var (id, target) in _open)
            {
                Spool(id, target, null);
            }

            _open.Clear();
            if (_file is null)
            {
                return;
            }

            _json!.Flush();
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                foreach (var (offset, length) in _index.Values)
                {
                    if (buffer.Length < length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(length);
                    }

                    _file.Position = offset;
                    _file.ReadExactly(buffer, 0, length);
                    output.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
                    if (output.BytesPending >= FlushThresholdBytes)
                    {
                        output.Flush();
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public void Dispose()
        {
            _json?.Dispose();
            _file?.Dispose();
        }

        private OpenTarget Open(int id) =>
            _open.TryGetValue(id, out var target) ? target : throw new ArgumentException($"truth id {id} is not open", nameof(id));

        private void Spool(int id, OpenTarget target, double? deathSeconds)
        {
            if (_file is null)
            {
                var path = Path.Combine(Path.GetTempPath(), "vigia-truth-" + Path.GetRandomFileName());
                _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                _json = new Utf8JsonWriter(_file, new JsonWriterOptions { SkipValidation = true });
            }

            var json = _json!;
            json.Flush();
            var offset = _file.Position;
            json.Reset(_file);
            json.WriteStartObject();
            json.WriteNumber("id"u8, id);
            if (target.UasId is null)
            {
                json.WriteNull("uas_id"u8);
            }
            else
            {
                json.WriteString("uas_id"u8, target.UasId);
            }

            if (target.Role is { } role)
            {
                json.WriteString("role"u8, TruthTrack.RoleText(role));
            }

            json.WriteNumber("birth_t"u8, target.BirthSeconds);
            if (deathSeconds is { } death)
            {
                json.WriteNumber("death_t"u8, death);
            }
            else
            {
                json.WriteNull("death_t"u8);
            }

            json.WriteStartArray("states"u8);
            foreach (var s in target.States)
            {
                json.WriteStartObject();
                json.WriteNumber("t"u8, s.T);
                json.WriteNumber("x"u8, s.X);
                json.WriteNumber("y"u8, s.Y);
                json.WriteNumber("z"u8, s.Z);
                json.WriteNumber("vx"u8, s.Vx);
                json.WriteNumber("vy"u8, s.Vy);
                json.WriteNumber("vz"u8, s.Vz);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            _index.Add(id, (offset, checked((int)(_file.Position - offset))));
        }

        private sealed record OpenTarget(string? UasId, double BirthSeconds, TruthRole? Role)
        {
            public List<TruthState> States { get; } = [];
        }
    }
}
