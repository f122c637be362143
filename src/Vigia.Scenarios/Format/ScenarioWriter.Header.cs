using System.Globalization;
using System.Text.Json;
using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioWriter
{
    private void WriteHeader(ScenarioHeader header, Action<Utf8JsonWriter>? writeGenerator)
    {
        _json.WriteStartObject();
        _json.WriteString("schema"u8, ScenarioHeader.SchemaName);
        _json.WriteString("description"u8, header.Description);

        _json.WriteStartObject("frame"u8);
        _json.WriteString("type"u8, "ENU");
        _json.WriteString("units"u8, "m");
        _json.WriteStartArray("axes"u8);
        _json.WriteStringValue("east");
        _json.WriteStringValue("north");
        _json.WriteStringValue("up");
        _json.WriteEndArray();
        if (header.OriginWgs84 is { } origin)
        {
            _json.WriteStartObject("origin_wgs84"u8);
            _json.WriteNumber("lat_deg"u8, origin.LatitudeDegrees);
            _json.WriteNumber("lon_deg"u8, origin.LongitudeDegrees);
            _json.WriteNumber("h_m"u8, origin.HeightAboveEllipsoidMeters);
            _json.WriteEndObject();
        }
        else
        {
            _json.WriteNull("origin_wgs84"u8);
        }

        _json.WriteEndObject();

        _json.WriteStartObject("time"u8);
        _json.WriteString("units"u8, "s");
        _json.WriteString("epoch_utc"u8, header.EpochUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        _json.WriteNumber("start_s"u8, header.StartSeconds);
        _json.WriteNumber("end_s"u8, header.EndSeconds);
        _json.WriteEndObject();

        _json.WriteStartObject("conventions"u8);
        _json.WriteString("azimuth"u8, "radians, clockwise from north (+y) towards east (+x), in [0, 2*pi)");
        _json.WriteString("elevation"u8, "radians, above the local horizontal plane");
        _json.WriteString("covariance"u8, "row-major nested list, same order and units as 'values'");
        _json.WriteString("truth_id"u8, "ground-truth origin of a detection (null = clutter); for scoring only, a tracker must not read it");
        _json.WriteEndObject();

        if (writeGenerator is not null)
        {
            _json.WritePropertyName("generator"u8);
            writeGenerator(_json);
        }

        WriteZones(header);
        _json.WriteStartArray("sensors"u8);
        foreach (var sensor in header.Sensors)
        {
            WriteSensor(sensor);
        }

        _json.WriteEndArray();
        _json.WriteStartArray("scans"u8);
    }

    /// <summary>
    /// The alerting extension (<c>zones</c>, <c>allow_list</c>), written only when the header has some, so that
    /// files without zones stay exactly as before.
    /// </summary>
    private void WriteZones(ScenarioHeader header)
    {
        if (header.Zones.Count > 0)
        {
            if (header.OriginWgs84 is null)
            {
                throw new ArgumentException("zones need the header's OriginWgs84 (zones are WGS-84, the scenario frame is ENU)", nameof(header));
            }

            _json.WriteStartArray("zones"u8);
            for (var i = 0; i < header.Zones.Count; i++)
            {
                var zone = header.Zones[i];
                if (zone.Check() is { } problem)
                {
                    throw new ArgumentException(FormattableString.Invariant($"zones[{i}].{problem.Field}: {problem.Reason}"), nameof(header));
                }

                WriteZone(zone);
            }

            _json.WriteEndArray();
        }

        if (header.AllowList.Count > 0)
        {
            _json.WriteStartArray("allow_list"u8);
            foreach (var uasId in header.AllowList)
            {
                _json.WriteStringValue(string.IsNullOrEmpty(uasId) ? throw new ArgumentException("allow_list: a UAS ID is empty", nameof(header)) : uasId);
            }

            _json.WriteEndArray();
        }
    }

    private void WriteZone(ScenarioZone zone)
    {
        _json.WriteStartObject();
        _json.WriteString("id"u8, zone.Id);
        _json.WriteString("name"u8, zone.Name);
        _json.WriteString("kind"u8, zone.Kind);
        if (zone.Polygon is { } ring)
        {
            _json.WriteStartArray("polygon_wgs84"u8);
            foreach (var p in ring)
            {
                _json.WriteStartArray();
                _json.WriteNumberValue(p.LatitudeDegrees);
                _json.WriteNumberValue(p.LongitudeDegrees);
                _json.WriteEndArray();
            }

            _json.WriteEndArray();
        }
        else if (zone.Circle is { } circle)
        {
            _json.WriteStartObject("circle"u8);
            _json.WriteNumber("lat"u8, circle.LatitudeDegrees);
            _json.WriteNumber("lon"u8, circle.LongitudeDegrees);
            _json.WriteNumber("radius_m"u8, circle.RadiusMeters);
            _json.WriteEndObject();
        }

        _json.WriteNumber("floor_m"u8, zone.FloorMeters);
        _json.WriteNumber("ceiling_m"u8, zone.CeilingMeters);
        _json.WriteString("height_ref"u8, zone.HeightReference);
        _json.WriteNumber("buffer_m"u8, zone.BufferMeters);
        _json.WriteEndObject();
    }

    private void WriteSensor(ScenarioSensor sensor)
    {
        _json.WriteStartObject();
        _json.WriteString("id"u8, sensor.Id.Value);
        _json.WriteString("type"u8, sensor.Type);
        _json.WriteString("kind"u8, KindText(sensor.Kind));
        _json.WriteStartArray("position"u8);
        _json.WriteNumberValue(sensor.Position.EastMeters);
        _json.WriteNumberValue(sensor.Position.NorthMeters);
        _json.WriteNumberValue(sensor.Position.UpMeters);
        _json.WriteEndArray();
        _json.WriteStartArray("values"u8);
        foreach (var name in sensor.Kind == MeasurementKind.RangeAzimuthElevation
                     ? ["range_m", "azimuth_rad", "elevation_rad"]
                     : (string[])["x_m", "y_m", "z_m"])
        {
            _json.WriteStringValue(name);
        }

        _json.WriteEndArray();
        _json.WriteStartArray("noise_std"u8);
        foreach (var sigma in sensor.NoiseStd)
        {
            _json.WriteNumberValue(sigma);
        }

        _json.WriteEndArray();
        _json.WriteNumber("period_s"u8, sensor.PeriodSeconds);
        _json.WriteNumber("offset_s"u8, sensor.OffsetSeconds);
        _json.WriteNumber("pd"u8, sensor.DetectionProbability);
        _json.WriteNumber("clutter_per_scan"u8, sensor.ClutterPerScan);
        if (sensor.FieldOfView is { } fov)
        {
            _json.WriteStartObject("fov"u8);
            _json.WriteNumber("range_min_m"u8, fov.RangeMinMeters);
            _json.WriteNumber("range_max_m"u8, fov.RangeMaxMeters);
            _json.WriteNumber("azimuth_min_rad"u8, fov.AzimuthMinRadians);
            _json.WriteNumber("azimuth_max_rad"u8, fov.AzimuthMaxRadians);
            _json.WriteNumber("elevation_min_rad"u8, fov.ElevationMinRadians);
            _json.WriteNumber("elevation_max_rad"u8, fov.ElevationMaxRadians);
            _json.WriteEndObject();
        }

        _json.WriteEndObject();
    }
}
