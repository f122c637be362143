using System.Globalization;
using System.Text.Json;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Scenarios.Format;

/// <summary>
/// Streams a <c>cuas-scenario/1</c> file: <see cref="Open"/> reads everything before <c>scans</c>,
/// <see cref="ReadScans"/> yields one scan at a time, <see cref="ReadTruth"/> reads the truth at the end.
/// The whole file is never held in memory.
/// </summary>
/// <remarks>
/// File-level faults (not JSON, truncated, unknown schema, a missing or misplaced header section,
/// unsorted scans, a scan of an unknown sensor) throw <see cref="ScenarioFormatException"/> with
/// <c>FILE:LINE:COL: field: reason</c>. Detection-level faults skip the detection and are counted in
/// <see cref="Faults"/>. Unknown fields are ignored. <c>truth_id</c> is never read into an
/// <see cref="Observation"/>. The header sections (<c>schema</c>, <c>time</c>, <c>sensors</c>) must
/// come before <c>scans</c>; the reader does not buffer scans to wait for them.
/// Thread-safety: not thread-safe; one consumer at a time.
/// </remarks>
public sealed partial class ScenarioReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly TokenPump _pump;
    private readonly JsonPath _path = new();
    private readonly string _file;
    private readonly List<SensorInfo> _sensors = [];
    private ScenarioHeader? _header;
    private Timestamp _epoch;
    private Phase _phase;
    private List<TruthTrack>? _truth;

    private ScenarioReader(string file, FileStream stream)
    {
        _file = file;
        _stream = stream;
        _pump = new TokenPump(stream, file, () => _path.ToString());
    }

    private enum Phase
    {
        BeforeScans,
        InScans,
        AfterScans,
        Done,
    }

    /// <summary>The header: everything before <c>scans</c>.</summary>
    public ScenarioHeader Header => _header ?? throw new InvalidOperationException("the header has not been read");

    /// <summary>Detections skipped so far, by reason.</summary>
    public DetectionFaultCounts Faults { get; } = new();

    /// <summary>Opens a scenario file and reads up to the start of its scans.</summary>
    /// <param name="path">The file; also the file name used in fault messages.</param>
    /// <exception cref="ScenarioFormatException">A file-level fault in the header.</exception>
    public static ScenarioReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        ScenarioReader? reader = null;
        try
        {
            reader = new ScenarioReader(path, stream);
            reader.ReadHeader();
            return reader;
        }
        catch
        {
            if (reader is null)
            {
                stream.Dispose();
            }
            else
            {
                reader.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Streams the scans in file order. Can be enumerated once; stopping early is allowed
    /// (<see cref="ReadTruth"/> skips what was not read).
    /// </summary>
    /// <exception cref="ScenarioFormatException">A file-level fault, thrown while enumerating.</exception>
    public IEnumerable<ScenarioScan> ReadScans()
    {
        if (_phase != Phase.BeforeScans)
        {
            throw new InvalidOperationException("scans can be read only once, and before the truth");
        }

        _phase = Phase.InScans;
        return EnumerateScans();
    }

    /// <summary>Reads the truth array (empty if the file has none), skipping any scans not yet read.</summary>
    /// <exception cref="ScenarioFormatException">A file-level fault in the rest of the file.</exception>
    public IReadOnlyList<TruthTrack> ReadTruth()
    {
        ReadRest(keepTruth: true);
        return _truth ?? [];
    }

    /// <summary>
    /// Reads the rest of the file without keeping the truth (its JSON is still checked), so a
    /// tracking run can report a fault after the scans in constant memory.
    /// </summary>
    /// <exception cref="ScenarioFormatException">A file-level fault in the rest of the file.</exception>
    public void ReadToEnd() => ReadRest(keepTruth: false);

    private void ReadRest(bool keepTruth)
    {
        if (_phase == Phase.Done)
        {
            return;
        }

        // Scans not read (or not read to the end) are skipped: the scans array closes back at depth 1.
        _pump.SkipToDepth(1);
        _phase = Phase.AfterScans;
        _path.Reset();
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndObject)
            {
                break;
            }

            if (keepTruth && NameIs("truth"u8))
            {
                _truth = ReadTruthArray();
            }
            else if (NameIs("zones"u8) || NameIs("allow_list"u8))
            {
                // Silently ignoring them would evaluate a zone scenario without its zones.
                throw _pump.Fault(_pump.ValueString, "must come before \"scans\" (the file is read as a stream)");
            }
            else
            {
                _pump.ReadRequired();
                _pump.SkipValue();
            }
        }

        if (_pump.Read())
        {
            throw _pump.Fault("$", "unexpected content after the root object");
        }

        _phase = Phase.Done;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pump.Dispose();
        _stream.Dispose();
    }

    private bool NameIs(ReadOnlySpan<byte> name) => _pump.Value.SequenceEqual(name);

    private ScenarioFormatException Fault(string leaf, string reason) => _pump.Fault(_path.With(leaf), reason);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>Reads the next value, which must be <paramref name="token"/>.</summary>
    private void Expect(JsonTokenType token, string leaf, string what)
    {
        _pump.ReadRequired();
        if (_pump.Token != token)
        {
            throw Fault(leaf, $"expected {what}, got {Describe(_pump.Token)}");
        }
    }

    private bool TryParseCurrentNumber(out double value) =>
        double.TryParse(_pump.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Reads a finite number value (file-level field).</summary>
    private double ReadNumber(string leaf)
    {
        Expect(JsonTokenType.Number, leaf, "a number");
        return TryParseCurrentNumber(out var value)
            ? value
            : throw Fault(leaf, $"number '{_pump.ValueString}' is not finite");
    }

    /// <summary>Reads a finite number or null (file-level field).</summary>
    private double? ReadNullableNumber(string leaf)
    {
        _pump.ReadRequired();
        if (_pump.Token == JsonTokenType.Null)
        {
            return null;
        }

        if (_pump.Token != JsonTokenType.Number)
        {
            throw Fault(leaf, $"expected a number or null, got {Describe(_pump.Token)}");
        }

        return TryParseCurrentNumber(out var value) ? value : throw Fault(leaf, $"number '{_pump.ValueString}' is not finite");
    }

    /// <summary>Reads a string or null.</summary>
    private string? ReadNullableString(string leaf)
    {
        _pump.ReadRequired();
        return _pump.Token switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => _pump.ValueString,
            _ => throw Fault(leaf, $"expected a string or null, got {Describe(_pump.Token)}"),
        };
    }

    /// <summary>A sensor as the reader needs it: its UTF-8 id for allocation-free lookup and its default covariance.</summary>
    private sealed record SensorInfo(ScenarioSensor Sensor, byte[] IdUtf8, Matrix3x3 DefaultCovariance)
    {
        public int Dimension => Measurement.DimensionOf(Sensor.Kind);
    }

    private SensorInfo? FindSensor(ReadOnlySpan<byte> idUtf8)
    {
        foreach (var sensor in _sensors)
        {
            if (idUtf8.SequenceEqual(sensor.IdUtf8))
            {
                return sensor;
            }
        }

        return null;
    }
}
