using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioReader
{
    private const string KindRangeAzimuthElevation = "rae";
    private const string KindEnu = "enu";

    private bool _schemaSeen;
    private bool _sensorsSeen;
    private DateTimeOffset? _epochUtc;
    private double _startSeconds;
    private double _endSeconds;
    private string _description = "";
    private GeoPosition? _origin;

    private void ReadHeader()
    {
        if (!_pump.Read())
        {
            throw new ScenarioFormatException(_file, 1, 1, "$", "not JSON: the file is empty");
        }

        if (_pump.Token != JsonTokenType.StartObject)
        {
            throw _pump.Fault("$", $"not a {ScenarioHeader.SchemaName} file: expected a JSON object, got {Describe(_pump.Token)}");
        }

        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndObject)
            {
                throw MissingHeaderField(scansFound: false);
            }

            if (NameIs("scans"u8))
            {
                Expect(JsonTokenType.StartArray, "scans", "an array");
                if (!_schemaSeen || _epochUtc is null || !_sensorsSeen)
                {
                    _pump.SkipValue();
                    throw FindMisplacedHeaderField();
                }

                if (_zones.Count > 0 && _origin is null)
                {
                    throw new ScenarioFormatException(_file, _zonesPosition.Line, _zonesPosition.Column, "zones", "zones need frame.origin_wgs84 (zones are WGS-84, tracks are ENU metres from the origin)");
                }

                _header = new ScenarioHeader
                {
                    Description = _description,
                    EpochUtc = _epochUtc.Value,
                    StartSeconds = _startSeconds,
                    EndSeconds = _endSeconds,
                    OriginWgs84 = _origin,
                    Sensors = _sensors.Select(s => s.Sensor).ToArray(),
                    Zones = [.. _zones],
                    AllowList = [.. _allowList],
                };
                _epoch = Core.Time.Timestamp.FromDateTimeOffset(_epochUtc.Value);
                return;
            }

            ReadHeaderProperty();
        }
    }

    private void ReadHeaderProperty()
    {
        if (NameIs("schema"u8))
        {
            Expect(JsonTokenType.String, "schema", "a string");
            if (!NameIs(Encoding.UTF8.GetBytes(ScenarioHeader.SchemaName)))
            {
                throw Fault("schema", $"unknown schema '{_pump.ValueString}' (this reader reads {ScenarioHeader.SchemaName})");
            }

            _schemaSeen = true;
        }
        else if (NameIs("description"u8))
        {
            _description = ReadNullableString("description") ?? "";
        }
        else if (NameIs("frame"u8))
        {
            ReadFrame();
        }
        else if (NameIs("time"u8))
        {
            ReadTime();
        }
        else if (NameIs("sensors"u8))
        {
            ReadSensors();
        }
        else if (NameIs("truth"u8))
        {
            _truth = ReadTruthArray();
        }
        else if (NameIs("zones"u8))
        {
            ReadZones();
        }
        else if (NameIs("allow_list"u8))
        {
            ReadAllowList();
        }
        else
        {
            _pump.ReadRequired();
            _pump.SkipValue();
        }
    }

    /// <summary>The root object ended, or scans began, without a required header field.</summary>
    private ScenarioFormatException MissingHeaderField(bool scansFound)
    {
        var field = !_schemaSeen ? "schema" : _epochUtc is null ? "time.epoch_utc" : !_sensorsSeen ? "sensors" : scansFound ? null : "scans";
        return _pump.Fault(field ?? "$", "missing");
    }

    /// <summary>
    /// Scans began before a required header field. Looks for it in the rest of the file to tell
    /// "missing" from "in the wrong place" (streaming needs the header first).
    /// </summary>
    private ScenarioFormatException FindMisplacedHeaderField()
    {
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndObject)
            {
                return MissingHeaderField(scansFound: true);
            }

            var misplaced =
                !_schemaSeen && NameIs("schema"u8) ? "schema" :
                _epochUtc is null && NameIs("time"u8) ? "time" :
                !_sensorsSeen && NameIs("sensors"u8) ? "sensors" : null;
            if (misplaced is not null)
            {
                return _pump.Fault(misplaced, "must come before \"scans\" (the file is read as a stream)");
            }

            _pump.ReadRequired();
            _pump.SkipValue();
        }
    }

    private void ReadFrame()
    {
        Expect(JsonTokenType.StartObject, "frame", "an object");
        _path.Push("frame");
        while (NextProperty())
        {
            if (NameIs("origin_wgs84"u8))
            {
                _pump.ReadRequired();
                if (_pump.Token == JsonTokenType.Null)
                {
                    _origin = null;
                    continue;
                }

                if (_pump.Token != JsonTokenType.StartObject)
                {
                    throw Fault("origin_wgs84", $"expected an object or null, got {Describe(_pump.Token)}");
                }

                _path.Push("origin_wgs84");
                double? lat = null, lon = null, h = null;
                while (NextProperty())
                {
                    if (NameIs("lat_deg"u8))
                    {
                        lat = ReadNumber("lat_deg");
                    }
                    else if (NameIs("lon_deg"u8))
                    {
                        lon = ReadNumber("lon_deg");
                    }
                    else if (NameIs("h_m"u8))
                    {
                        h = ReadNumber("h_m");
                    }
                    else
                    {
                        SkipPropertyValue();
                    }
                }

                _origin = lat is null || lon is null
                    ? throw Fault(lat is null ? "lat_deg" : "lon_deg", "missing")
                    : Math.Abs(lat.Value) > 90 || Math.Abs(lon.Value) > 180
                        ? throw Fault("lat_deg", "latitude or longitude out of range")
                        : new GeoPosition(lat.Value, lon.Value, h ?? 0);
                _path.Pop();
            }
            else
            {
                SkipPropertyValue();
            }
        }

        _path.Pop();
    }

    private void ReadTime()
    {
        Expect(JsonTokenType.StartObject, "time", "an object");
        _path.Push("time");
        while (NextProperty())
        {
            if (NameIs("epoch_utc"u8))
            {
                Expect(JsonTokenType.String, "epoch_utc", "a string");
                var text = _pump.ValueString;
                _epochUtc = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var epoch)
                    ? epoch
                    : throw Fault("epoch_utc", $"'{text}' is not an ISO 8601 UTC time");
            }
            else if (NameIs("start_s"u8))
            {
                _startSeconds = ReadNumber("start_s");
            }
            else if (NameIs("end_s"u8))
            {
                _endSeconds = ReadNumber("end_s");
            }
            else
            {
                SkipPropertyValue();
            }
        }

        _path.Pop();
    }

    /// <summary>Reads the next property name of the current object; false at its end.</summary>
    private bool NextProperty()
    {
        _pump.ReadRequired();
        return _pump.Token != JsonTokenType.EndObject;
    }

    private void SkipPropertyValue()
    {
        _pump.ReadRequired();
        _pump.SkipValue();
    }

    private void ReadSensors()
    {
        ReadObjectArray("sensors", () => _sensors.Add(ReadSensor()));
        _sensorsSeen = true;
    }

    private SensorInfo ReadSensor()
    {
        string? id = null, type = null;
        MeasurementKind? kind = null;
        EnuVector position = default;
        double[]? noise = null;
        ScenarioFieldOfView? fov = null;
        double period = 1, offset = 0, pd = 1, clutter = 0;
        long noiseOffset = 0;
        while (NextProperty())
        {
            if (NameIs("id"u8))
            {
                id = ReadNullableString("id");
                if (string.IsNullOrEmpty(id))
                {
                    throw Fault("id", "must be a non-empty string");
                }

                if (FindSensor(Encoding.UTF8.GetBytes(id)) is not null)
                {
                    throw Fault("id", $"duplicate sensor id '{id}'");
                }
            }
            else if (NameIs("type"u8))
            {
                type = ReadNullableString("type");
            }
            else if (NameIs("kind"u8))
            {
                var text = ReadNullableString("kind");
                kind = text switch
                {
                    KindRangeAzimuthElevation => MeasurementKind.RangeAzimuthElevation,
                    KindEnu => MeasurementKind.EnuPosition,
                    _ => throw Fault("kind", $"unsupported sensor kind '{text}' (expected \"{KindRangeAzimuthElevation}\" or \"{KindEnu}\")"),
                };
            }
            else if (NameIs("position"u8))
            {
                var p = ReadNumberArray("position");
                position = p.Length == 3 ? new EnuVector(p[0], p[1], p[2]) : throw Fault("position", $"expected 3 numbers, got {p.Length}");
            }
            else if (NameIs("noise_std"u8))
            {
                noise = ReadNumberArray("noise_std");
                noiseOffset = _pump.TokenOffset;
            }
            else if (NameIs("period_s"u8))
            {
                period = ReadNumber("period_s");
            }
            else if (NameIs("offset_s"u8))
            {
                offset = ReadNumber("offset_s");
            }
            else if (NameIs("pd"u8))
            {
                pd = ReadNumber("pd");
            }
            else if (NameIs("clutter_per_scan"u8))
            {
                clutter = ReadNumber("clutter_per_scan");
            }
            else if (NameIs("fov"u8))
            {
                fov = ReadFieldOfView();
            }
            else
            {
                SkipPropertyValue();
            }
        }

        if (id is null || kind is null || noise is null)
        {
            throw _pump.Fault(_path.With(id is null ? "id" : kind is null ? "kind" : "noise_std"), "missing");
        }

        var dimension = Measurement.DimensionOf(kind.Value);
        if (noise.Length != dimension || noise.Any(s => !(s > 0)))
        {
            throw _pump.FaultAt(noiseOffset, _path.With("noise_std"), $"expected {dimension} positive numbers");
        }

        var sensor = new ScenarioSensor
        {
            Id = new SensorId(id),
            Type = type ?? "",
            Kind = kind.Value,
            Position = position,
            NoiseStd = noise,
            PeriodSeconds = period,
            OffsetSeconds = offset,
            DetectionProbability = pd,
            ClutterPerScan = clutter,
            FieldOfView = fov,
        };
        Span<double> variances = stackalloc double[9];
        for (var i = 0; i < dimension; i++)
        {
            variances[(i * dimension) + i] = noise[i] * noise[i];
        }

        return new SensorInfo(sensor, Encoding.UTF8.GetBytes(id), Matrix3x3.FromRowMajor(variances, dimension));
    }

    /// <summary>Reads an array of finite numbers (file-level field).</summary>
    private double[] ReadNumberArray(string leaf)
    {
        Expect(JsonTokenType.StartArray, leaf, "an array of numbers");
        var values = new List<double>(3);
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                return [.. values];
            }

            if (_pump.Token != JsonTokenType.Number || !TryParseCurrentNumber(out var v))
            {
                throw Fault(leaf, $"expected finite numbers, got {Describe(_pump.Token)}");
            }

            values.Add(v);
        }
    }

    private ScenarioFieldOfView ReadFieldOfView()
    {
        Expect(JsonTokenType.StartObject, "fov", "an object");
        _path.Push("fov");
        double rMin = 0, rMax = double.MaxValue, azMin = 0, azMax = 2 * Math.PI, elMin = -Math.PI / 2, elMax = Math.PI / 2;
        while (NextProperty())
        {
            if (NameIs("range_min_m"u8))
            {
                rMin = ReadNumber("range_min_m");
            }
            else if (NameIs("range_max_m"u8))
            {
                rMax = ReadNumber("range_max_m");
            }
            else if (NameIs("azimuth_min_rad"u8))
            {
                azMin = ReadNumber("azimuth_min_rad");
            }
            else if (NameIs("azimuth_max_rad"u8))
            {
                azMax = ReadNumber("azimuth_max_rad");
            }
            else if (NameIs("elevation_min_rad"u8))
            {
                elMin = ReadNumber("elevation_min_rad");
            }
            else if (NameIs("elevation_max_rad"u8))
            {
                elMax = ReadNumber("elevation_max_rad");
            }
            else
            {
                SkipPropertyValue();
            }
        }

        _path.Pop();
        return new ScenarioFieldOfView(rMin, rMax, azMin, azMax, elMin, elMax);
    }
}
