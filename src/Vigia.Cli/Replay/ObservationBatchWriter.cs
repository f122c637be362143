using System.Buffers;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;

namespace Vigia.Cli.Replay;

/// <summary>
/// Builds one <c>vigia-observation/1</c> request body, <c>{"observations":[…]}</c>: metres and DEGREES on
/// the wire, RFC 3339 sensor times, covariances row-major in the units of the values (m², deg²).
/// </summary>
/// <remarks>Thread-safety: not thread-safe; reuse one per sender with <see cref="Reset"/>.</remarks>
internal sealed class ObservationBatchWriter : IDisposable
{
    private const double RadiansToDegrees = 180.0 / Math.PI;

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;

    public ObservationBatchWriter()
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        Reset();
    }

    /// <summary>Items written since the last <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a new body.</summary>
    public void Reset()
    {
        _json.Reset();
        _buffer.Clear();
        Count = 0;
        _json.WriteStartObject();
        _json.WriteStartArray("observations");
    }

    /// <summary>A radar plot: range m, compass azimuth and elevation given in RADIANS (written in degrees), covariance in m²/rad² (written in m²/deg²).</summary>
    public void WriteRae(string sensorId, string id, DateTimeOffset sensorTime, double rangeMeters, double azimuthRadians, double elevationRadians, in Matrix3x3 covarianceRadians)
    {
        Begin(sensorId, id, sensorTime, "rae");
        var azimuthDegrees = azimuthRadians * RadiansToDegrees;
        WriteValues(rangeMeters, azimuthDegrees >= 360 ? azimuthDegrees - 360 : azimuthDegrees, elevationRadians * RadiansToDegrees);
        ReadOnlySpan<double> scale = [1, RadiansToDegrees, RadiansToDegrees];
        _json.WriteStartArray("covariance");
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                _json.WriteNumberValue(covarianceRadians[r, c] * scale[r] * scale[c]);
            }
        }

        _json.WriteEndArray();
        End(null);
    }

    /// <summary>
    /// A WGS-84 position (degrees, degrees, metres above the ellipsoid) with its covariance in local ENU m², an
    /// optional UAS ID and an optional Remote ID operator position.
    /// </summary>
    public void WriteGeodetic(string sensorId, string id, DateTimeOffset sensorTime, GeoPosition position, in Matrix3x3 covarianceEnu, string? uasId, GeoPosition? operatorPosition = null)
    {
        Begin(sensorId, id, sensorTime, "geodetic");
        WriteValues(position.LatitudeDegrees, position.LongitudeDegrees, position.HeightAboveEllipsoidMeters);
        _json.WriteStartArray("covariance");
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                _json.WriteNumberValue(covarianceEnu[r, c]);
            }
        }

        _json.WriteEndArray();
        if (operatorPosition is { } op)
        {
            _json.WriteStartArray("operator_position");
            _json.WriteNumberValue(op.LatitudeDegrees);
            _json.WriteNumberValue(op.LongitudeDegrees);
            _json.WriteNumberValue(op.HeightAboveEllipsoidMeters);
            _json.WriteEndArray();
        }

        End(uasId);
    }

    /// <summary>A WGS-84 position with diagonal variances (east, north, up m²).</summary>
    public void WriteGeodetic(string sensorId, string id, DateTimeOffset sensorTime, GeoPosition position, double varianceHorizontal, double varianceUp)
    {
        Begin(sensorId, id, sensorTime, "geodetic");
        WriteValues(position.LatitudeDegrees, position.LongitudeDegrees, position.HeightAboveEllipsoidMeters);
        _json.WriteStartArray("covariance");
        _json.WriteNumberValue(varianceHorizontal);
        _json.WriteNumberValue(varianceHorizontal);
        _json.WriteNumberValue(varianceUp);
        _json.WriteEndArray();
        End(null);
    }

    /// <summary>Closes the body and returns it (valid until the next <see cref="Reset"/>).</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void Begin(string sensorId, string id, DateTimeOffset sensorTime, string kind)
    {
        _json.WriteStartObject();
        _json.WriteString("sensor_id", sensorId);
        _json.WriteString("id", id);
        _json.WriteString("sensor_time", sensorTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        _json.WriteString("kind", kind);
    }

    private void WriteValues(double v0, double v1, double v2)
    {
        _json.WriteStartArray("values");
        _json.WriteNumberValue(v0);
        _json.WriteNumberValue(v1);
        _json.WriteNumberValue(v2);
        _json.WriteEndArray();
    }

    private void End(string? uasId)
    {
        if (uasId is not null)
        {
            _json.WriteString("uas_id", uasId);
        }

        _json.WriteEndObject();
        Count++;
    }
}
