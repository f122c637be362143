using System.Globalization;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// Reads and checks a <c>vigia-script/1</c> file (docs/scripts.md) into a <see cref="ScriptedScenario"/>.
/// Every fault, from bad JSON to a waypoint out of range, throws <see cref="ScenarioFormatException"/> reading
/// <c>FILE:LINE:COL: field: reason</c>; unknown fields are faults too (a misspelt field must not be ignored).
/// </summary>
/// <remarks>
/// Positions are objects: <c>{"lat":…,"lon":…,"h":…}</c> (height above the WGS-84 ellipsoid),
/// <c>{"lat":…,"lon":…,"msl":…}</c> (above mean sea level, converted with the script's one
/// <c>geoid_undulation_m</c>) or <c>{"enu":[east,north,up]}</c> (metres in the frame at the origin).
/// </remarks>
public static class ScriptedScenarioReader
{
    private const double Step = 0.1;

    private static readonly string[] PositionFields = ["lat", "lon", "h", "msl", "enu"];

    /// <summary>Reads <paramref name="path"/> (also the name used in messages).</summary>
    /// <exception cref="ScenarioFormatException">The script is not valid.</exception>
    public static ScriptedScenario ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > ScriptedJsonNode.MaxBytes)
        {
            throw new ScenarioFormatException(path, 1, 1, "(file)", $"larger than {ScriptedJsonNode.MaxBytes} bytes");
        }

        return Read(path, File.ReadAllBytes(path));
    }

    /// <summary>Reads a script from its bytes; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="ScenarioFormatException">The script is not valid.</exception>
    public static ScriptedScenario Read(string name, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(utf8);
        var root = ScriptedJsonNode.Parse(name, utf8);
        Object(root, ["schema", "description", "origin", "geoid_undulation_m", "epoch_utc", "duration_s", "seed", "sensors", "targets", "random", "zones", "allow_list", "zone_traffic"]);
        var schema = Required(root, "schema");
        if (Text(schema) != ScriptedScenario.SchemaName)
        {
            throw schema.Fault($"expected \"{ScriptedScenario.SchemaName}\"");
        }

        var undulationNode = root.Get("geoid_undulation_m");
        double? undulation = undulationNode is null ? null : Number(undulationNode, -120, 120);
        var originNode = Required(root, "origin");
        Object(originNode, ["lat", "lon", "h", "msl"]);
        var origin = Geodetic(originNode, undulation);
        var context = new Context(new LocalTangentPlane(origin), undulation);

        var duration = Number(Required(root, "duration_s"), 0.1, 7 * 24 * 3600);
        var epoch = new ScriptedScenario { Origin = origin, DurationSeconds = duration, Sensors = [] }.EpochUtc;
        if (root.Get("epoch_utc") is { } epochNode
            && !DateTimeOffset.TryParse(Text(epochNode), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out epoch))
        {
            throw epochNode.Fault("not an RFC 3339 time, e.g. \"2025-01-01T00:00:00Z\"");
        }

        var seed = 1UL;
        if (root.Get("seed") is { } seedNode
            && (seedNode.Kind != JsonValueKind.Number || !ulong.TryParse(seedNode.NumberText, NumberStyles.None, CultureInfo.InvariantCulture, out seed)))
        {
            throw seedNode.Fault("must be a non-negative integer");
        }

        var sensors = Sensors(Required(root, "sensors"), context);
        var targets = root.Get("targets") is { } targetsNode ? Targets(targetsNode, context, duration) : [];
        var random = root.Get("random") is { } randomNode ? RandomTargets(randomNode) : null;
        var zones = root.Get("zones") is { } zonesNode ? Zones(zonesNode) : [];
        var allowList = root.Get("allow_list") is { } allowNode ? AllowList(allowNode) : [];
        var traffic = root.Get("zone_traffic") is { } trafficNode ? ZoneTraffic(trafficNode, zones.Count) : null;
        return new ScriptedScenario
        {
            Description = root.Get("description") is { } d ? Text(d) : "",
            Origin = origin,
            GeoidUndulationMeters = undulation,
            EpochUtc = epoch,
            DurationSeconds = duration,
            Seed = seed,
            Sensors = sensors,
            Targets = targets,
            RandomTargets = random,
            Zones = zones,
            AllowList = allowList,
            ZoneTraffic = traffic,
        };
    }

    private static List<ScriptedSensor> Sensors(ScriptedJsonNode node, Context context)
    {
        var sensors = new List<ScriptedSensor>();
        foreach (var s in Array(node, 1, 64))
        {
            var kindNode = Required(s, "kind");
            var kind = Text(kindNode) switch
            {
                "radar" => ScriptedSensorKind.Radar,
                "remote-id" or "remote_id" => ScriptedSensorKind.RemoteId,
                _ => throw kindNode.Fault("expected \"radar\" or \"remote-id\""),
            };
            var idNode = Required(s, "id");
            var id = Id(idNode);
            if (sensors.Exists(x => x.Id.Value == id))
            {
                throw idNode.Fault($"sensor id '{id}' is used twice");
            }

            var position = Position(Required(s, "position"), context);
            var period = Time(s, "period_s", 1, 0.1, 3600);
            var offset = Time(s, "offset_s", kind == ScriptedSensorKind.Radar ? 0 : 0.5, 0, 3600);
            if (offset >= period)
            {
                throw s.Get("offset_s")?.Fault("must be below period_s") ?? s.Fault("offset_s: the default 0.5 s must be below period_s; give offset_s");
            }

            if (kind == ScriptedSensorKind.Radar)
            {
                Object(s, ["id", "kind", "position", "period_s", "offset_s", "pd", "range_min_m", "range_max_m", "sigma_range_m", "sigma_angle_deg", "elevation_min_deg", "elevation_max_deg", "clutter_per_scan"]);
                var rangeMin = Optional(s, "range_min_m", 50, 0, 1_000_000);
                var rangeMax = Number(Required(s, "range_max_m"), 1, 1_000_000);
                if (rangeMax <= rangeMin)
                {
                    throw s.Get("range_max_m")!.Fault("must exceed range_min_m");
                }

                var elevationMin = Optional(s, "elevation_min_deg", -10, -90, 90);
                var elevationMax = Optional(s, "elevation_max_deg", 60, -90, 90);
                if (elevationMax <= elevationMin)
                {
                    throw (s.Get("elevation_max_deg") ?? s).Fault("elevation_max_deg must exceed elevation_min_deg");
                }

                sensors.Add(new ScriptedSensor
                {
                    Id = new SensorId(id),
                    Kind = kind,
                    Position = position,
                    PeriodSeconds = period,
                    OffsetSeconds = offset,
                    DetectionProbability = Optional(s, "pd", 0.9, 0, 1),
                    RangeMinMeters = rangeMin,
                    RangeMaxMeters = rangeMax,
                    RangeSigmaMeters = Optional(s, "sigma_range_m", 5, 0.001, 10_000, exclusiveMin: true),
                    AngleSigmaDegrees = Optional(s, "sigma_angle_deg", 0.5, 0.0001, 45, exclusiveMin: true),
                    ElevationMinDegrees = elevationMin,
                    ElevationMaxDegrees = elevationMax,
                    ClutterPerScan = Optional(s, "clutter_per_scan", 0, 0, 100_000),
                });
            }
            else
            {
                Object(s, ["id", "kind", "position", "period_s", "offset_s", "pd", "range_m", "sigma_m"]);
                sensors.Add(new ScriptedSensor
                {
                    Id = new SensorId(id),
                    Kind = kind,
                    Position = position,
                    PeriodSeconds = period,
                    OffsetSeconds = offset,
                    DetectionProbability = Optional(s, "pd", 0.95, 0, 1),
                    RangeMaxMeters = Number(Required(s, "range_m"), 1, 1_000_000),
                    PositionSigmaMeters = Optional(s, "sigma_m", 3, 0.001, 10_000, exclusiveMin: true),
                });
            }
        }

        return sensors;
    }

    private static List<ScriptedTarget> Targets(ScriptedJsonNode node, Context context, double duration)
    {
        var targets = new List<ScriptedTarget>();
        foreach (var t in Array(node, 0, 10_000))
        {
            Object(t, ["label", "start_s", "speed_mps", "waypoints", "end", "remote_id", "role"]);
            var labelNode = Required(t, "label");
            var label = Text(labelNode);
            if (label.Length is 0 or > 64)
            {
                throw labelNode.Fault("must be 1 to 64 characters");
            }

            if (targets.Exists(x => x.Label == label))
            {
                throw labelNode.Fault($"label '{label}' is used twice");
            }

            var start = Optional(t, "start_s", 0, 0, duration);
            if (start >= duration)
            {
                throw t.Get("start_s")!.Fault("must be before the end of the scenario (duration_s)");
            }

            double? speed = t.Get("speed_mps") is { } speedNode ? Number(speedNode, 0.1, 100) : null;
            var waypoints = new List<ScriptedWaypoint>();
            foreach (var w in Array(Required(t, "waypoints"), 1, 10_000))
            {
                Object(w, [.. PositionFields, "speed_mps", "hover_s"]);
                var position = Position(w, context);
                var legSpeed = w.Get("speed_mps") is { } legNode ? Number(legNode, 0.1, 100)
                    : speed ?? (waypoints.Count == 0 ? 0 : throw w.Fault("speed_mps: give the leg's speed here or the target's speed_mps"));
                waypoints.Add(new ScriptedWaypoint(position, legSpeed, Optional(w, "hover_s", 0, 0, 7 * 24 * 3600)));
            }

            var endNode = t.Get("end");
            var end = endNode is null ? ScriptedTargetEnd.Leave : Text(endNode) switch
            {
                "leave" => ScriptedTargetEnd.Leave,
                "loop" => ScriptedTargetEnd.Loop,
                "hold" => ScriptedTargetEnd.Hold,
                _ => throw endNode.Fault("expected \"leave\", \"loop\" or \"hold\""),
            };
            if (end == ScriptedTargetEnd.Loop && waypoints[0].SpeedMetersPerSecond == 0)
            {
                throw t.Get("waypoints")!.Items[0].Fault("speed_mps: a looping target needs the speed of its closing leg (here or the target's speed_mps)");
            }

            string? uasId = null;
            EnuVector? operatorPosition = null;
            if (t.Get("remote_id") is { } rid && rid.Kind is not (JsonValueKind.Null or JsonValueKind.False))
            {
                Object(rid, ["uas_id", "operator"]);
                var uasNode = Required(rid, "uas_id");
                uasId = Text(uasNode);
                if (uasId.Length is 0 or > 20 || !uasId.All(c => c is >= ' ' and <= '~'))
                {
                    throw uasNode.Fault("must be 1 to 20 printable ASCII characters (an ASTM F3411 UAS ID)");
                }

                operatorPosition = rid.Get("operator") is { } op ? Position(op, context) : null;
            }

            TruthRole? role = null;
            if (t.Get("role") is { } roleNode)
            {
                role = TruthTrack.ParseRole(Text(roleNode)) ?? throw roleNode.Fault("expected \"threat\", \"cooperative\" or \"allowed\"");
                if (role == TruthRole.Allowed && uasId is null)
                {
                    throw roleNode.Fault("an allow-listed target needs remote_id (the allow-list holds UAS IDs)");
                }
            }

            var target = new ScriptedTarget
            {
                Role = role,
                Label = label,
                StartSeconds = start,
                Waypoints = waypoints,
                End = end,
                UasId = uasId,
                OperatorPosition = operatorPosition,
            };
            var route = new ScriptedTrajectory(target);
            if (end == ScriptedTargetEnd.Leave && route.DeathSeconds <= start)
            {
                throw t.Get("waypoints")!.Fault("the target never flies: give a second waypoint or a hover_s");
            }

            if (end == ScriptedTargetEnd.Loop && route.CycleSeconds <= 0)
            {
                throw t.Get("waypoints")!.Fault("a looping route must take time: give two distinct waypoints or a hover_s");
            }

            targets.Add(target);
        }

        return targets;
    }

    private static ScriptedRandomTargets RandomTargets(ScriptedJsonNode node)
    {
        Object(node, ["count", "area_radius_m", "altitude_min_m", "altitude_max_m", "rid_fraction", "speed_max_mps"]);
        var countNode = Required(node, "count");
        var count = Number(countNode, 0, 100_000);
        if (count != Math.Floor(count))
        {
            throw countNode.Fault("must be an integer");
        }

        var random = new ScriptedRandomTargets
        {
            Count = (int)count,
            AreaRadiusMeters = Optional(node, "area_radius_m", 3000, 1000, 100_000),
            AltitudeMinMeters = Optional(node, "altitude_min_m", 20, 0, 10_000),
            AltitudeMaxMeters = Optional(node, "altitude_max_m", 300, 0, 10_000),
            RidFraction = Optional(node, "rid_fraction", 0, 0, 1),
            SpeedMaxMetersPerSecond = Optional(node, "speed_max_mps", 25, 3, 100, exclusiveMin: true),
        };
        if (random.AltitudeMaxMeters <= random.AltitudeMinMeters)
        {
            throw (node.Get("altitude_max_m") ?? node).Fault("altitude_max_m must exceed altitude_min_m");
        }

        return random;
    }

    private static List<ScenarioZone> Zones(ScriptedJsonNode node)
    {
        var zones = new List<ScenarioZone>();
        foreach (var z in Array(node, 0, 10_000))
        {
            Object(z, ["id", "name", "kind", "polygon_wgs84", "circle", "floor_m", "ceiling_m", "height_ref", "buffer_m"]);
            List<LatLon>? polygon = null;
            if (z.Get("polygon_wgs84") is { } ringNode)
            {
                polygon = [.. Array(ringNode, 0, 100_000).Select(p =>
                {
                    var pair = Array(p, 2, 2);
                    return new LatLon(Number(pair[0], double.MinValue, double.MaxValue), Number(pair[1], double.MinValue, double.MaxValue));
                })];
            }

            ZoneCircle? circle = null;
            if (z.Get("circle") is { } circleNode)
            {
                Object(circleNode, ["lat", "lon", "radius_m"]);
                circle = new ZoneCircle(
                    Number(Required(circleNode, "lat"), double.MinValue, double.MaxValue),
                    Number(Required(circleNode, "lon"), double.MinValue, double.MaxValue),
                    Number(Required(circleNode, "radius_m"), double.MinValue, double.MaxValue));
            }

            var zone = new ScenarioZone
            {
                Id = Text(Required(z, "id")),
                Name = Text(Required(z, "name")),
                Kind = Text(Required(z, "kind")),
                Polygon = polygon,
                Circle = circle,
                FloorMeters = Number(Required(z, "floor_m"), double.MinValue, double.MaxValue),
                CeilingMeters = Number(Required(z, "ceiling_m"), double.MinValue, double.MaxValue),
                HeightReference = Text(Required(z, "height_ref")),
                BufferMeters = Optional(z, "buffer_m", 0, double.MinValue, double.MaxValue),
            };
            if (zone.Check() is { } problem)
            {
                throw FieldNode(z, problem.Field).Fault(problem.Reason);
            }

            if (zones.Exists(other => other.Id == zone.Id))
            {
                throw z.Get("id")!.Fault($"zone id '{zone.Id}' is used twice");
            }

            zones.Add(zone);
        }

        return zones;
    }

    /// <summary>The node a zone fault names (<c>polygon_wgs84[2]</c>, <c>circle.radius_m</c>, <c>floor_m</c>), else the zone.</summary>
    private static ScriptedJsonNode FieldNode(ScriptedJsonNode zone, string field)
    {
        var parts = field.Split('[', '.', ']');
        var node = zone.Get(parts[0]);
        if (node is null)
        {
            return zone;
        }

        if (parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.Items.Count)
        {
            return node.Items[index];
        }

        return parts.Length > 1 && node.Get(parts[1]) is { } child ? child : node;
    }

    private static List<string> AllowList(ScriptedJsonNode node)
    {
        var list = new List<string>();
        foreach (var item in Array(node, 0, 100_000))
        {
            var uasId = Text(item);
            list.Add(uasId.Length > 0 ? uasId : throw item.Fault("must not be empty"));
        }

        return list;
    }

    private static ZoneTrafficOptions ZoneTraffic(ScriptedJsonNode node, int zoneCount)
    {
        Object(node, ["threats", "cooperative", "allowed", "threat_speed_mps", "standoff_m", "hover_s", "altitude_min_m", "altitude_max_m", "area_radius_m"]);
        var defaults = new ZoneTrafficOptions();
        var traffic = new ZoneTrafficOptions
        {
            Threats = Count(node, "threats"),
            Cooperative = Count(node, "cooperative"),
            Allowed = Count(node, "allowed"),
            ThreatSpeedMetersPerSecond = Optional(node, "threat_speed_mps", defaults.ThreatSpeedMetersPerSecond, 1, ZoneTrafficOptions.MaxThreatSpeedMetersPerSecond),
            StandoffMeters = Optional(node, "standoff_m", defaults.StandoffMeters, 0, 50_000),
            HoverSeconds = Optional(node, "hover_s", defaults.HoverSeconds, 0, 3600),
            AltitudeMinMeters = Optional(node, "altitude_min_m", defaults.AltitudeMinMeters, 0, 10_000),
            AltitudeMaxMeters = Optional(node, "altitude_max_m", defaults.AltitudeMaxMeters, 0, 10_000),
            AreaRadiusMeters = Optional(node, "area_radius_m", defaults.AreaRadiusMeters, 500, 100_000),
        };
        if (traffic.AltitudeMaxMeters <= traffic.AltitudeMinMeters)
        {
            throw (node.Get("altitude_max_m") ?? node).Fault("altitude_max_m must exceed altitude_min_m");
        }

        if (traffic.Threats + traffic.Allowed > 0 && zoneCount == 0)
        {
            throw node.Fault("threat and allow-listed flights need zones: give \"zones\"");
        }

        return traffic;
    }

    private static int Count(ScriptedJsonNode parent, string name)
    {
        var value = Optional(parent, name, 0, 0, 10_000);
        return value == Math.Floor(value) ? (int)value : throw parent.Get(name)!.Fault("must be an integer");
    }

    private static EnuVector Position(ScriptedJsonNode node, Context context)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            throw node.Fault("expected a position object: {\"lat\":…,\"lon\":…,\"h\":…}, {\"lat\":…,\"lon\":…,\"msl\":…} or {\"enu\":[e,n,u]}");
        }

        if (node.Properties.Any(p => p.Key is "lat" or "lon" or "h" or "msl") || node.Get("enu") is null)
        {
            if (node.Get("enu") is { } both)
            {
                throw both.Fault("give either enu or lat/lon with h or msl, not both");
            }

            return context.Plane.ToEnu(Geodetic(node, context.Undulation));
        }

        var enu = node.Get("enu")!;
        var items = Array(enu, 3, 3);
        var e = Number(items[0], -1_000_000, 1_000_000);
        var n = Number(items[1], -1_000_000, 1_000_000);
        var u = Number(items[2], -100_000, 100_000);
        return new EnuVector(e, n, u);
    }

    private static GeoPosition Geodetic(ScriptedJsonNode node, double? undulation)
    {
        var lat = Number(Required(node, "lat"), -90, 90);
        var lon = Number(Required(node, "lon"), -180, 180);
        var h = node.Get("h");
        var msl = node.Get("msl");
        if (h is not null && msl is not null)
        {
            throw msl.Fault("give either h (above the ellipsoid) or msl (above mean sea level), not both");
        }

        if (h is not null)
        {
            return new GeoPosition(lat, lon, Number(h, -1000, 100_000));
        }

        if (msl is null)
        {
            throw node.Fault("missing a height: h (m above the WGS-84 ellipsoid) or msl (m above mean sea level)");
        }

        var height = Number(msl, -1000, 100_000);
        return undulation is { } n
            ? new GeoPosition(lat, lon, height + n)
            : throw msl.Fault("an msl height needs the script's geoid_undulation_m (h = msl + N)");
    }

    private static string Id(ScriptedJsonNode node)
    {
        var id = Text(node);
        return id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? id
            : throw node.Fault("must be 1 to 64 letters, digits, '-', '_' or '.'");
    }

    private static double Time(ScriptedJsonNode parent, string name, double defaultValue, double min, double max)
    {
        var value = Optional(parent, name, defaultValue, min, max);
        var steps = value / Step;
        if (Math.Abs(steps - Math.Round(steps)) > 1e-6 || (name == "period_s" && Math.Round(steps) < 1))
        {
            throw (parent.Get(name) ?? parent).Fault($"{(parent.Get(name) is null ? name + ": " : "")}must be a multiple of 0.1 s (the simulation step)");
        }

        return Math.Round(steps) * Step;
    }

    private static double Optional(ScriptedJsonNode parent, string name, double defaultValue, double min, double max, bool exclusiveMin = false)
    {
        var node = parent.Get(name);
        if (node is null)
        {
            return defaultValue;
        }

        var value = Number(node, min, max);
        return exclusiveMin && value <= min ? throw node.Fault($"must be greater than {min.ToString(CultureInfo.InvariantCulture)}") : value;
    }

    private static double Number(ScriptedJsonNode node, double min, double max)
    {
        if (node.Kind != JsonValueKind.Number || !double.IsFinite(node.Number))
        {
            throw node.Fault("expected a number");
        }

        return node.Number >= min && node.Number <= max
            ? node.Number
            : throw node.Fault(string.Create(CultureInfo.InvariantCulture, $"{node.NumberText} is outside [{min}, {max}]"));
    }

    private static string Text(ScriptedJsonNode node) =>
        node.Kind == JsonValueKind.String ? node.Text : throw node.Fault("expected a string");

    private static ScriptedJsonNode Required(ScriptedJsonNode parent, string name) =>
        parent.Get(name) ?? throw parent.Fault($"missing field '{name}'");

    private static IReadOnlyList<ScriptedJsonNode> Array(ScriptedJsonNode node, int min, int max)
    {
        if (node.Kind != JsonValueKind.Array)
        {
            throw node.Fault("expected an array");
        }

        return node.Items.Count >= min && node.Items.Count <= max
            ? node.Items
            : throw node.Fault(min == max ? $"expected {min} elements" : $"expected {min} to {max} elements, got {node.Items.Count}");
    }

    private static void Object(ScriptedJsonNode node, string[] allowed)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            throw node.Fault("expected an object");
        }

        foreach (var (name, value) in node.Properties)
        {
            if (!allowed.Contains(name))
            {
                throw value.Fault($"unknown field (allowed here: {string.Join(", ", allowed)})");
            }
        }
    }

    private sealed record Context(LocalTangentPlane Plane, double? Undulation);
}
