using System.Globalization;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Pipeline;
using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// Reads <c>vigia-observation/1</c> items into journal observations, checking every field and naming
/// the field and item index of each fault. Units on the wire: metres, degrees (converted to radians
/// here), RFC 3339 times; covariances in the units of the values (m², deg²).
/// </summary>
/// <remarks>Thread-safety: stateless apart from the directory snapshot it reads; safe for concurrent requests.</remarks>
public sealed partial class ObservationParser(SensorDirectory directory)
{
    private const double DegreesToRadians = Math.PI / 180.0;
    private const int MaxIdLength = 128;
    private const int MaxUasIdLength = 64;
    private const int MaxRawBytes = 64 * 1024;

    /// <summary>The last instant a <see cref="Timestamp"/> holds, in 100-ns ticks after 1970.</summary>
    private const long LatestTimestampTicks = long.MaxValue / 100;

    private static readonly string[] KnownFields =
        ["sensor_id", "id", "sensor_time", "receive_time", "kind", "values", "covariance", "uas_id", "operator_position", "identity", "classification", "raw_b64", "token"];

    /// <summary>
    /// Parses one item. <paramref name="onlySensor"/> restricts the item to one sensor (a sensor token
    /// posts for itself only). Returns null and adds to <paramref name="errors"/> if the item is refused.
    /// </summary>
    public JournalObservation? Parse(JsonElement item, int index, string? onlySensor, Timestamp now, List<FieldError> errors)
    {
        var before = errors.Count;
        void Fail(string field, string reason) => errors.Add(new FieldError(index, field, reason));

        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail("", $"an observation must be a JSON object, got {Describe(item.ValueKind)}");
            return null;
        }

        foreach (var property in item.EnumerateObject())
        {
            if (Array.IndexOf(KnownFields, property.Name) < 0)
            {
                Fail(property.Name, "unknown field (schema vigia-observation/1)");
            }
        }

        var sensorId = RequiredString(item, "sensor_id", 1, MaxIdLength, Fail);
        var clientId = RequiredString(item, "id", 1, MaxIdLength, Fail);
        var sensorTime = Time(item, "sensor_time", required: true, Fail);
        var receiveTime = Time(item, "receive_time", required: false, Fail) ?? now;
        var kind = RequiredString(item, "kind", 1, 16, Fail);
        var uasId = OptionalString(item, "uas_id", MaxUasIdLength, Fail);
        var rawBytes = Raw(item, Fail);
        var operatorPosition = OperatorPosition(item, Fail);
        var identity = Identity(item, Fail);
        var classification = ClassificationOf(item, Fail);

        SensorEntry? sensor = null;
        if (sensorId is not null)
        {
            sensor = directory.Find(sensorId);
            if (sensor is null || !sensor.Active)
            {
                Fail("sensor_id", sensor is null ? $"sensor '{sensorId}' is not registered" : $"sensor '{sensorId}' is revoked");
                sensor = null;
            }
            else if (onlySensor is not null && !string.Equals(onlySensor, sensorId, StringComparison.Ordinal))
            {
                Fail("sensor_id", $"this token belongs to sensor '{onlySensor}' and may not post for '{sensorId}'");
                sensor = null;
            }
        }

        if (sensorTime is { } st && st > now.AddSeconds(3600))
        {
            Fail("sensor_time", $"is {st.SecondsSince(now):F0} s in the future of the server clock (more than 1 h)");
        }

        int dimension = 0;
        if (kind is not null)
        {
            dimension = kind switch
            {
                "geodetic" or "enu" or "rae" => 3,
                "bearing" => item.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2 ? 2 : 1,
                _ => 0,
            };
            if (dimension == 0)
            {
                Fail("kind", $"'{kind}' is not one of geodetic, enu, rae, bearing");
            }
            else if (sensor is not null)
            {
                var allowed = SensorKinds.Allowed.GetValueOrDefault(sensor.Record.Kind) ?? [];
                if (Array.IndexOf(allowed, kind) < 0)
                {
                    Fail("kind", $"a '{sensor.Record.Kind}' sensor may send {string.Join(", ", allowed)}, not '{kind}'");
                }
                else if (SensorKinds.NeedsPosition(kind) && sensor.FramePosition is null)
                {
                    Fail("kind", $"'{kind}' needs the sensor's position; register '{sensor.Record.Id}' with --position");
                }
            }
        }

        Span<double> values = stackalloc double[3];
        Span<double> covariance = stackalloc double[9];
        var valuesOk = dimension > 0 && Numbers(item, "values", dimension, dimension, values, Fail) == dimension;
        var covarianceCount = dimension > 0 ? Numbers(item, "covariance", dimension, dimension * dimension, covariance, Fail) : -1;
        var covarianceOk = covarianceCount == dimension || covarianceCount == dimension * dimension;
        if (dimension > 0 && covarianceCount >= 0 && !covarianceOk)
        {
            Fail("covariance", $"expected {dimension} variances (diagonal) or {dimension * dimension} numbers (row-major matrix), got {covarianceCount}");
        }

        if (valuesOk)
        {
            CheckRanges(kind!, values[..dimension], Fail);
        }

        if (errors.Count > before || sensor is null || sensorTime is null || clientId is null || kind is null)
        {
            return null;
        }

        var measurement = Build(kind, values[..dimension], covariance, covarianceCount, sensor);
        var fault = measurement.Validate();
        if (fault != ObservationFault.None)
        {
            Fail(fault == ObservationFault.CovarianceNotPositiveDefinite ? "covariance" : "values", fault switch
            {
                ObservationFault.CovarianceNotPositiveDefinite => "is not symmetric positive-definite",
                ObservationFault.NonFiniteValue => "must be finite numbers",
                _ => $"refused: {fault}",
            });
            return null;
        }

        var observation = new Observation
        {
            Sensor = new SensorId(sensor.Record.Id),
            SensorTime = sensorTime.Value,
            ReceiveTime = receiveTime,
            Measurement = measurement,
            UasId = uasId,
            OperatorPosition = operatorPosition,
            Identity = identity,
            Classification = classification is null ? null : classification with { Sensor = new SensorId(sensor.Record.Id) },
            ClientId = clientId,
        };
        return new JournalObservation(observation, rawBytes);
    }

    private static Measurement Build(string kind, ReadOnlySpan<double> v, ReadOnlySpan<double> c, int covarianceCount, SensorEntry sensor)
    {
        var n = v.Length;
        Span<double> full = stackalloc double[9];
        for (var r = 0; r < n; r++)
        {
            for (var k = 0; k < n; k++)
            {
                full[(r * n) + k] = covarianceCount == n ? (r == k ? c[r] : 0) : c[(r * n) + k];
            }
        }

        // Degrees on the wire, radians inside: scale each angular row and column.
        Span<double> scale = [1, 1, 1];
        if (kind == "rae")
        {
            scale[1] = scale[2] = DegreesToRadians;
        }
        else if (kind == "bearing")
        {
            scale[0] = scale[1] = DegreesToRadians;
        }

        for (var r = 0; r < n; r++)
        {
            for (var k = 0; k < n; k++)
            {
                full[(r * n) + k] *= scale[r] * scale[k];
            }
        }

        var cov = Matrix3x3.FromRowMajor(full[..(n * n)], n);
        var at = sensor.FramePosition ?? EnuVector.Zero;
        return kind switch
        {
            "geodetic" => new Measurement(MeasurementKind.GeodeticPosition, v[0], v[1], v[2], cov),
            "enu" => Measurement.EnuPosition(at + new EnuVector(v[0], v[1], v[2]), cov),
            "rae" => Measurement.RangeAzimuthElevation(v[0], NormaliseAzimuth(v[1] * DegreesToRadians), v[2] * DegreesToRadians, cov, at),
            _ when n == 1 => new Measurement(MeasurementKind.Azimuth, NormaliseAzimuth(v[0] * DegreesToRadians), 0, 0, cov, at),
            _ => new Measurement(MeasurementKind.AzimuthElevation, NormaliseAzimuth(v[0] * DegreesToRadians), v[1] * DegreesToRadians, 0, cov, at),
        };
    }

    private static double NormaliseAzimuth(double radians)
    {
        var a = radians % (2 * Math.PI);
        return a < 0 ? a + (2 * Math.PI) : a;
    }

    private static void CheckRanges(string kind, ReadOnlySpan<double> v, Action<string, string> fail)
    {
        switch (kind)
        {
            case "geodetic":
                Range(v[0], -90, 90, "values[0]", "latitude (degrees)", fail);
                Range(v[1], -180, 180, "values[1]", "longitude (degrees)", fail);
                Range(v[2], -1000, 100_000, "values[2]", "height above the WGS-84 ellipsoid (m)", fail);
                break;
            case "enu":
                for (var i = 0; i < 3; i++)
                {
                    Range(v[i], -1_000_000, 1_000_000, $"values[{i}]", "offset from the sensor (m)", fail);
                }

                break;
            case "rae":
                Range(v[0], 0, 1_000_000, "values[0]", "range (m)", fail);
                Range(v[1], -360, 360, "values[1]", "azimuth (degrees from north)", fail);
                Range(v[2], -90, 90, "values[2]", "elevation (degrees)", fail);
                break;
            default:
                Range(v[0], -360, 360, "values[0]", "azimuth (degrees from north)", fail);
                if (v.Length == 2)
                {
                    Range(v[1], -90, 90, "values[1]", "elevation (degrees)", fail);
                }

                break;
        }
    }

    private static void Range(double value, double min, double max, string field, string what, Action<string, string> fail)
    {
        if (!(value >= min && value <= max))
        {
            fail(field, string.Create(CultureInfo.InvariantCulture, $"{what} must be within [{min}, {max}], got {value}"));
        }
    }

    /// <summary>Reads a numeric array of minCount…maxCount items into <paramref name="into"/>; returns the count, or -1 if missing or wrong.</summary>
    private static int Numbers(JsonElement item, string name, int minCount, int maxCount, Span<double> into, Action<string, string> fail)
    {
        if (!item.TryGetProperty(name, out var array))
        {
            fail(name, "is required");
            return -1;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            fail(name, $"must be an array of numbers, got {Describe(array.ValueKind)}");
            return -1;
        }

        var count = array.GetArrayLength();
        if (count < minCount || count > maxCount)
        {
            if (name == "values")
            {
                fail(name, $"expected {minCount} numbers, got {count}");
                return -1;
            }

            return count;
        }

        var i = 0;
        var ok = true;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var d) || !double.IsFinite(d))
            {
                fail($"{name}[{i}]", $"must be a finite number, got {Describe(element.ValueKind)}");
                ok = false;
            }
            else
            {
                into[i] = d;
            }

            i++;
        }

        return ok ? count : -1;
    }

    private static string? RequiredString(JsonElement item, string name, int minLength, int maxLength, Action<string, string> fail)
    {
        if (!item.TryGetProperty(name, out var element))
        {
            fail(name, "is required");
            return null;
        }

        return StringValue(element, name, minLength, maxLength, fail);
    }

    private static string? OptionalString(JsonElement item, string name, int maxLength, Action<string, string> fail) =>
        item.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? StringValue(element, name, 1, maxLength, fail) : null;

    private static string? StringValue(JsonElement element, string name, int minLength, int maxLength, Action<string, string> fail)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            fail(name, $"must be a string, got {Describe(element.ValueKind)}");
            return null;
        }

        if (!TryText(element, out var text))
        {
            fail(name, "is not valid Unicode (an unpaired surrogate escape)");
            return null;
        }

        if (text.Length < minLength || text.Length > maxLength)
        {
            fail(name, $"must be {minLength}…{maxLength} characters, got {text.Length}");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            fail(name, "must not contain control characters");
            return null;
        }

        return text;
    }

    /// <summary>The string's text; false for one JSON can hold but .NET cannot (an unpaired surrogate escape such as \udc00).</summary>
    private static bool TryText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static Timestamp? Time(JsonElement item, string name, bool required, Action<string, string> fail)
    {
        if (!item.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                fail(name, "is required (RFC 3339, e.g. 2026-11-25T18:00:00.250Z)");
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !TryText(element, out var text)
            || !DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            fail(name, "must be an RFC 3339 date-time with a zone, e.g. 2026-11-25T18:00:00.250Z");
            return null;
        }

        if (value.Year < 2000)
        {
            fail(name, "is before the year 2000");
            return null;
        }

        if (value.UtcTicks - DateTime.UnixEpoch.Ticks > LatestTimestampTicks)
        {
            // Nanoseconds since 1970 in 64 bits end in April 2262; a later time cannot be journalled.
            fail(name, "is after 2262-04-11, the last time the journal can hold");
            return null;
        }

        return Timestamp.FromDateTimeOffset(value);
    }

    private static ReadOnlyMemory<byte>? Raw(JsonElement item, Action<string, string> fail)
    {
        if (!item.TryGetProperty("raw_b64", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !element.TryGetBytesFromBase64(out var bytes))
        {
            fail("raw_b64", "must be a base64 string");
            return null;
        }

        if (bytes.Length > MaxRawBytes)
        {
            fail("raw_b64", $"decodes to {bytes.Length} bytes; at most {MaxRawBytes} are kept as evidence");
            return null;
        }

        return bytes;
    }

    private static GeoPosition? OperatorPosition(JsonElement item, Action<string, string> fail)
    {
        if (!item.TryGetProperty("operator_position", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Span<double> v = stackalloc double[3];
        if (Numbers(item, "operator_position", 3, 3, v, fail) != 3)
        {
            fail("operator_position", "expected [latitude deg, longitude deg, height above the WGS-84 ellipsoid m]");
            return null;
        }

        var errorsBefore = false;
        void Mark(string f, string r)
        {
            errorsBefore = true;
            fail(f.Replace("values", "operator_position", StringComparison.Ordinal), r);
        }

        Range(v[0], -90, 90, "values[0]", "latitude (degrees)", Mark);
        Range(v[1], -180, 180, "values[1]", "longitude (degrees)", Mark);
        Range(v[2], -1000, 100_000, "values[2]", "height above the WGS-84 ellipsoid (m)", Mark);
        return errorsBefore ? null : new GeoPosition(v[0], v[1], v[2]);
    }

    /// <summary>The optional <c>identity</c> object: <c>{"type", "operator_id", "self_id", "flags":[...]}</c>, each optional.</summary>
    private static BroadcastIdentity? Identity(JsonElement item, Action<string, string> fail)
    {
        if (!item.TryGetProperty("identity", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            fail("identity", $"must be an object, got {Describe(element.ValueKind)}");
            return null;
        }

        var ok = true;
        string? Text(string name, int max)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var text = StringValue(value, $"identity.{name}", 1, max, fail);
            ok &= text is not null;
            return text;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("type" or "operator_id" or "self_id" or "flags"))
            {
                fail($"identity.{property.Name}", "unknown field (type, operator_id, self_id, flags)");
                ok = false;
            }
        }

        var type = Text("type", 64);
        var operatorId = Text("operator_id", 64);
        var selfId = Text("self_id", 64);
        var flags = new List<string>();
        if (element.TryGetProperty("flags", out var array) && array.ValueKind != JsonValueKind.Null)
        {
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > 16)
            {
                fail("identity.flags", "must be an array of at most 16 reason codes");
                return null;
            }

            var i = 0;
            foreach (var flag in array.EnumerateArray())
            {
                if (StringValue(flag, $"identity.flags[{i}]", 1, 64, fail) is { } code)
                {
                    flags.Add(code);
                }
                else
                {
                    ok = false;
                }

                i++;
            }
        }

        return ok ? new BroadcastIdentity { AircraftType = type, OperatorId = operatorId, SelfId = selfId, Flags = flags } : null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
