using System.Text.Json;

namespace Vigia.Scenarios.Format;

/// <summary>The alerting extension of the header: <c>zones</c> and <c>allow_list</c> (docs/alerting-scenarios.md).</summary>
public sealed partial class ScenarioReader
{
    private readonly List<ScenarioZone> _zones = [];
    private readonly List<string> _allowList = [];
    private (long Line, long Column) _zonesPosition;

    private void ReadZones()
    {
        _zonesPosition = _pump.PositionOf(_pump.TokenOffset);
        _zones.Clear();
        ReadObjectArray("zones", () => _zones.Add(ReadZone()));
    }

    private void ReadAllowList()
    {
        Expect(JsonTokenType.StartArray, "allow_list", "an array of UAS IDs");
        _allowList.Clear();
        _path.Push("allow_list", 0);
        for (var i = 0; ; i++)
        {
            _path.SetIndex(i);
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (_pump.Token != JsonTokenType.String || _pump.Value.IsEmpty)
            {
                throw _pump.Fault(_path.ToString(), $"expected a non-empty UAS ID string, got {Describe(_pump.Token)}");
            }

            _allowList.Add(_pump.ValueString);
        }

        _path.Pop();
    }

    /// <summary>Reads one zone object (the current token is its start); faults name <c>zones[i].field</c> and its place.</summary>
    private ScenarioZone ReadZone()
    {
        var start = _pump.TokenOffset;
        var (line, column) = _pump.PositionOf(start);
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        string? id = null, name = null, kind = null, heightRef = null;
        List<LatLon>? polygon = null;
        ZoneCircle? circle = null;
        double? floor = null, ceiling = null;
        double buffer = 0;
        while (NextProperty())
        {
            var at = _pump.TokenOffset;
            var field = _pump.ValueString;
            offsets[field] = at;
            switch (field)
            {
                case "id":
                    id = ReadZoneString("id");
                    break;
                case "name":
                    name = ReadZoneString("name");
                    break;
                case "kind":
                    kind = ReadZoneString("kind");
                    break;
                case "height_ref":
                    heightRef = ReadZoneString("height_ref");
                    break;
                case "floor_m":
                    floor = ReadNumber("floor_m");
                    break;
                case "ceiling_m":
                    ceiling = ReadNumber("ceiling_m");
                    break;
                case "buffer_m":
                    buffer = ReadNumber("buffer_m");
                    break;
                case "polygon_wgs84":
                    polygon = ReadRing();
                    break;
                case "circle":
                    circle = ReadCircle();
                    break;
                default:
                    SkipPropertyValue();
                    break;
            }
        }

        var missing = id is null ? "id" : name is null ? "name" : kind is null ? "kind" : polygon is null && circle is null ? "polygon_wgs84"
            : floor is null ? "floor_m" : ceiling is null ? "ceiling_m" : heightRef is null ? "height_ref" : null;
        if (missing is not null)
        {
            throw Fault(missing, missing == "polygon_wgs84" ? "missing: give polygon_wgs84 or circle" : "missing");
        }

        var zone = new ScenarioZone
        {
            Id = id!,
            Name = name!,
            Kind = kind!,
            Polygon = polygon,
            Circle = circle,
            FloorMeters = floor!.Value,
            CeilingMeters = ceiling!.Value,
            HeightReference = heightRef!,
            BufferMeters = buffer,
            Line = line,
            Column = column,
        };
        if (zone.Check() is { } problem)
        {
            var root = problem.Field.Split('[', '.')[0];
            throw _pump.FaultAt(offsets.GetValueOrDefault(root, start), _path.With(problem.Field), problem.Reason);
        }

        if (_zones.Exists(z => z.Id == zone.Id))
        {
            throw _pump.FaultAt(offsets["id"], _path.With("id"), $"duplicate zone id '{zone.Id}'");
        }

        return zone;
    }

    private string ReadZoneString(string leaf)
    {
        Expect(JsonTokenType.String, leaf, "a string");
        return _pump.ValueString;
    }

    /// <summary>Reads <c>[[lat, lon], …]</c>.</summary>
    private List<LatLon> ReadRing()
    {
        Expect(JsonTokenType.StartArray, "polygon_wgs84", "an array of [lat, lon] pairs");
        var ring = new List<LatLon>();
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                return ring;
            }

            var leaf = FormattableString.Invariant($"polygon_wgs84[{ring.Count}]");
            if (_pump.Token != JsonTokenType.StartArray)
            {
                throw Fault(leaf, $"expected a [lat, lon] pair, got {Describe(_pump.Token)}");
            }

            var lat = ReadNumber(leaf);
            var lon = ReadNumber(leaf);
            _pump.ReadRequired();
            if (_pump.Token != JsonTokenType.EndArray)
            {
                throw Fault(leaf, "expected a [lat, lon] pair: two numbers");
            }

            ring.Add(new LatLon(lat, lon));
        }
    }

    /// <summary>Reads <c>{lat, lon, radius_m}</c>.</summary>
    private ZoneCircle ReadCircle()
    {
        Expect(JsonTokenType.StartObject, "circle", "an object {lat, lon, radius_m}");
        _path.Push("circle");
        double? lat = null, lon = null, radius = null;
        while (NextProperty())
        {
            if (NameIs("lat"u8))
            {
                lat = ReadNumber("lat");
            }
            else if (NameIs("lon"u8))
            {
                lon = ReadNumber("lon");
            }
            else if (NameIs("radius_m"u8))
            {
                radius = ReadNumber("radius_m");
            }
            else
            {
                SkipPropertyValue();
            }
        }

        if (lat is null || lon is null || radius is null)
        {
            throw Fault(lat is null ? "lat" : lon is null ? "lon" : "radius_m", "missing");
        }

        _path.Pop();
        return new ZoneCircle(lat.Value, lon.Value, radius.Value);
    }
}
