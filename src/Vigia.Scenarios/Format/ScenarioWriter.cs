using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

/// <summary>
/// Writes a <c>cuas-scenario/1</c> file as a stream: the header when created, then one scan at a
/// time (<see cref="BeginScan"/>, <see cref="WriteDetection"/>, <see cref="EndScan"/>), then the
/// truth at <see cref="Complete"/>. Truth states are spooled per finished target to a temporary
/// file and copied in at the end, so memory holds only the states of targets still alive.
/// </summary>
/// <remarks>Thread-safety: not thread-safe; one producer at a time.</remarks>
public sealed partial class ScenarioWriter : IDisposable
{
    private const int FlushThresholdBytes = 64 * 1024;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private readonly TruthSpool _truth = new();
    private double _lastScanSeconds = double.NegativeInfinity;
    private bool _inScan;
    private bool _completed;

    /// <summary>Writes the header to <paramref name="output"/> and opens the <c>scans</c> array.</summary>
    /// <param name="output">Where the file goes.</param>
    /// <param name="header">Frame, time base and sensors.</param>
    /// <param name="writeGenerator">Writes the <c>generator</c> object's value (optional).</param>
    /// <param name="leaveOpen">Leave <paramref name="output"/> open on dispose.</param>
    public ScenarioWriter(Stream output, ScenarioHeader header, Action<Utf8JsonWriter>? writeGenerator = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = false });
        WriteHeader(header, writeGenerator);
    }

    /// <summary>Scans written so far.</summary>
    public long ScanCount { get; private set; }

    /// <summary>Detections written so far.</summary>
    public long DetectionCount { get; private set; }

    /// <summary>Creates (or overwrites) <paramref name="path"/> and writes the header.</summary>
    public static ScenarioWriter Create(string path, ScenarioHeader header, Action<Utf8JsonWriter>? writeGenerator = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024), header, writeGenerator);

    /// <summary>Starts a scan of <paramref name="sensor"/> at <paramref name="timeSeconds"/> (not before the previous scan).</summary>
    public void BeginScan(double timeSeconds, SensorId sensor)
    {
        ThrowIfCompleted();
        if (_inScan)
        {
            throw new InvalidOperationException("the previous scan was not ended");
        }

        if (!double.IsFinite(timeSeconds) || timeSeconds < _lastScanSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "scans must be written in time order");
        }

        _lastScanSeconds = timeSeconds;
        _inScan = true;
        _json.WriteStartObject();
        _json.WriteNumber("t"u8, timeSeconds);
        _json.WriteString("sensor"u8, sensor.Value);
        _json.WriteStartArray("detections"u8);
        _scanSensor = sensor;
    }

    /// <summary>
    /// Writes one detection of the current scan: its values and full covariance, which truth produced
    /// it (null = clutter), the broadcast identity if any and, for a Remote ID report, the operator's broadcast
    /// position if any (<c>operator_wgs84</c>: [lat deg, lon deg, h m above the ellipsoid], an extension field
    /// that readers of the format may ignore).
    /// </summary>
    public void WriteDetection(in Measurement measurement, int? truthId, string? uasId = null, GeoPosition? operatorWgs84 = null)
    {
        if (!_inScan)
        {
            throw new InvalidOperationException("no scan is open");
        }

        var n = measurement.Dimension;
        _json.WriteStartObject();
        _json.WriteString("sensor"u8, _scanSensor.Value);
        _json.WriteString("kind"u8, KindText(measurement.Kind));
        _json.WriteStartArray("values"u8);
        _json.WriteNumberValue(measurement.V0);
        if (n > 1)
        {
            _json.WriteNumberValue(measurement.V1);
        }

        if (n > 2)
        {
            _json.WriteNumberValue(measurement.V2);
        }

        _json.WriteEndArray();
        _json.WriteStartArray("covariance"u8);
        for (var r = 0; r < n; r++)
        {
            _json.WriteStartArray();
            for (var c = 0; c < n; c++)
            {
                _json.WriteNumberValue(measurement.Covariance[r, c]);
            }

            _json.WriteEndArray();
        }

        _json.WriteEndArray();
        if (truthId is { } id)
        {
            _json.WriteNumber("truth_id"u8, id);
        }
        else
        {
            _json.WriteNull("truth_id"u8);
        }

        if (uasId is not null)
        {
            _json.WriteString("uas_id"u8, uasId);
        }

        if (operatorWgs84 is { } op)
        {
            _json.WriteStartArray("operator_wgs84"u8);
            _json.WriteNumberValue(op.LatitudeDegrees);
            _json.WriteNumberValue(op.LongitudeDegrees);
            _json.WriteNumberValue(op.HeightAboveEllipsoidMeters);
            _json.WriteEndArray();
        }

        _json.WriteEndObject();
        DetectionCount++;
    }

    /// <summary>Ends the current scan and flushes to the output when enough is pending.</summary>
    public void EndScan()
    {
        if (!_inScan)
        {
            throw new InvalidOperationException("no scan is open");
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _inScan = false;
        ScanCount++;
        if (_json.BytesPending >= FlushThresholdBytes)
        {
            _json.Flush();
        }
    }

    /// <summary>Ends the scans, writes the truth (in id order) and closes the root object.</summary>
    public void Complete()
    {
        ThrowIfCompleted();
        if (_inScan)
        {
            throw new InvalidOperationException("the last scan was not ended");
        }

        _json.WriteEndArray();
        _json.WritePropertyName("truth"u8);
        _json.WriteStartArray();
        _truth.CopyTo(_json);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _output.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _truth.Dispose();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    private SensorId _scanSensor;

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("the file is already complete");
        }
    }

    private static string KindText(MeasurementKind kind) => kind switch
    {
        MeasurementKind.RangeAzimuthElevation => "rae",
        MeasurementKind.EnuPosition => "enu",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "cuas-scenario/1 has only rae and enu detections"),
    };
}
