using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// Simulates a <see cref="ScriptedScenario"/> into a <c>cuas-scenario/1</c> file: scripted targets on their
/// routes beside random multicopters, seen by every radar and Remote ID receiver of the script at 10 Hz steps.
/// </summary>
/// <remarks>
/// Sensors scan at <c>offset + k × period</c>, in script order when several scan at one step, one scan per
/// sensor. A radar detects each target inside its field of view (range from its own position, elevation
/// limits, all azimuths) with probability Pd, plus Poisson clutter uniform in range × azimuth × elevation;
/// angles are measured in the scenario's ENU axes from the radar's position (as <c>cuas-scenario/1</c>
/// says). A Remote ID receiver reports each broadcasting target within its range (3-D distance) with its
/// reception probability, the position plus Gaussian noise, the UAS ID and, for scripted targets that give
/// one, the operator's position (<c>operator_wgs84</c>). Truth is sampled at the radar scan times (at the
/// Remote ID scan times when the script has no radar).
/// Random numbers come from <see cref="Xoshiro256StarStar"/> streams split from the seed as in
/// <see cref="ScenarioSimulator"/> (life cycles, motion, radar, clutter, Remote ID), so a run is
/// deterministic for a script and a seed. Scripted routes draw no random numbers.
/// Thread-safety: single-use and not thread-safe.
/// </remarks>
public sealed class ScriptedSimulator
{
    private const int StepsPerSecond = 10;
    private const int MetreDecimals = 3;
    private const int RadianDecimals = 7;

    private readonly ScriptedScenario _script;
    private readonly IReadOnlyList<ScriptedTarget> _targets;
    private readonly ScenarioWriter _writer;
    private readonly LocalTangentPlane _plane;
    private readonly ScriptedTrajectory[] _routes;
    private readonly bool[] _alive;
    private readonly RandomPopulation _population;
    private readonly Xoshiro256StarStar _motion;
    private readonly Xoshiro256StarStar _radar;
    private readonly Xoshiro256StarStar _clutter;
    private readonly Xoshiro256StarStar _remoteId;
    private readonly List<(Measurement Measurement, int? TruthId)> _detections = [];
    private readonly List<Body> _bodies = [];
    private long _radarDetections;
    private long _clutterDetections;
    private long _remoteIdReports;

    private ScriptedSimulator(ScriptedScenario script, ScenarioWriter writer)
    {
        _script = script;
        _writer = writer;
        _plane = new LocalTangentPlane(script.Origin);
        var seeder = script.Seed;
        var life = new Xoshiro256StarStar(Xoshiro256StarStar.SplitMix64(ref seeder));
        _motion = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _radar = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _clutter = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _remoteId = new(Xoshiro256StarStar.SplitMix64(ref seeder));

        // Generated zone traffic follows the scripted targets (truth ids n, n + 1, …) and draws from a sixth stream,
        // so scripts without it are simulated exactly as before.
        _targets = script.ZoneTraffic is { Any: true } traffic
            ? [.. script.Targets, .. ZoneTrafficPlanner.Plan(
                traffic,
                [.. script.Zones.Select(z => new ZoneFootprint(z, _plane))],
                script.DurationSeconds,
                new Xoshiro256StarStar(Xoshiro256StarStar.SplitMix64(ref seeder)),
                script.Targets.Count)]
            : script.Targets;
        _routes = [.. _targets.Select(t => new ScriptedTrajectory(t))];
        _alive = new bool[_routes.Length];
        var random = script.RandomTargets;
        var randomOptions = random is null || random.Count == 0 ? null : new SimulationOptions
        {
            Targets = random.Count,
            AreaRadiusMeters = random.AreaRadiusMeters,
            AltitudeMinMeters = random.AltitudeMinMeters,
            AltitudeMaxMeters = random.AltitudeMaxMeters,
            RidFraction = random.RidFraction,
            SpeedMaxMetersPerSecond = random.SpeedMaxMetersPerSecond,
        };
        _population = new RandomPopulation(randomOptions, writer, life, StepsPerSecond, firstTruthId: _routes.Length);
    }

    /// <summary>Simulates <paramref name="script"/> into a new file at <paramref name="path"/>.</summary>
    public static SimulationSummary WriteFile(ScriptedScenario script, string path)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var writer = ScenarioWriter.Create(path, CreateHeader(script), json => WriteGenerator(json, script));
        return new ScriptedSimulator(script, writer).Run();
    }

    /// <summary>Simulates <paramref name="script"/> into <paramref name="output"/> (left open).</summary>
    public static SimulationSummary Write(ScriptedScenario script, Stream output)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var writer = new ScenarioWriter(output, CreateHeader(script), json => WriteGenerator(json, script), leaveOpen: true);
        return new ScriptedSimulator(script, writer).Run();
    }

    /// <summary>The header: the script's origin, time base and sensors (radars with their field of view).</summary>
    public static ScenarioHeader CreateHeader(ScriptedScenario script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return new ScenarioHeader
        {
            Description = script.Description.Length > 0 ? script.Description : "Scripted scenario (vigia-script/1)",
            EpochUtc = script.EpochUtc,
            StartSeconds = 0,
            EndSeconds = script.DurationSeconds,
            OriginWgs84 = script.Origin,
            Sensors = [.. script.Sensors.Select(ToScenarioSensor)],
            Zones = script.Zones,
            AllowList = AllowList(script),
        };
    }

    /// <summary>
    /// The script's allow-list, then the UAS IDs of its allow-listed targets, then those of the generated
    /// allow-listed flights (whose truth ids follow the scripted targets, the threats and the cooperative drones).
    /// </summary>
    private static string[] AllowList(ScriptedScenario script)
    {
        var list = new List<string>(script.AllowList);
        list.AddRange(script.Targets.Where(t => t.Role == TruthRole.Allowed && t.UasId is not null).Select(t => t.UasId!));
        if (script.ZoneTraffic is { } traffic)
        {
            var first = script.Targets.Count + traffic.Threats + traffic.Cooperative;
            list.AddRange(Enumerable.Range(first, traffic.Allowed).Select(ZoneTrafficPlanner.UasId));
        }

        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    private static ScenarioSensor ToScenarioSensor(ScriptedSensor s)
    {
        if (s.Kind == ScriptedSensorKind.RemoteId)
        {
            return new ScenarioSensor
            {
                Id = s.Id,
                Type = "remote_id",
                Kind = MeasurementKind.EnuPosition,
                Position = s.Position,
                NoiseStd = [s.PositionSigmaMeters, s.PositionSigmaMeters, s.PositionSigmaMeters],
                PeriodSeconds = s.PeriodSeconds,
                OffsetSeconds = s.OffsetSeconds,
                DetectionProbability = s.DetectionProbability,
                ClutterPerScan = 0,
            };
        }

        var angle = s.AngleSigmaDegrees * Math.PI / 180;
        return new ScenarioSensor
        {
            Id = s.Id,
            Type = "radar",
            Kind = MeasurementKind.RangeAzimuthElevation,
            Position = s.Position,
            NoiseStd = [s.RangeSigmaMeters, angle, angle],
            PeriodSeconds = s.PeriodSeconds,
            OffsetSeconds = s.OffsetSeconds,
            DetectionProbability = s.DetectionProbability,
            ClutterPerScan = s.ClutterPerScan,
            FieldOfView = FieldOfView(s),
        };
    }

    private static ScenarioFieldOfView FieldOfView(ScriptedSensor s) =>
        new(s.RangeMinMeters, s.RangeMaxMeters, 0, 2 * Math.PI, s.ElevationMinDegrees * Math.PI / 180, s.ElevationMaxDegrees * Math.PI / 180);

    private static void WriteGenerator(Utf8JsonWriter json, ScriptedScenario script)
    {
        json.WriteStartObject();
        json.WriteString("name"u8, "vigia simulate --script");
        json.WriteNumber("seed"u8, script.Seed);
        json.WriteString("prng"u8, "xoshiro256** seeded by SplitMix64");
        json.WriteStartObject("params"u8);
        json.WriteString("script_schema"u8, ScriptedScenario.SchemaName);
        json.WriteNumber("duration_s"u8, script.DurationSeconds);
        if (script.GeoidUndulationMeters is { } n)
        {
            json.WriteNumber("geoid_undulation_m"u8, n);
        }

        json.WriteStartArray("remote_id_range_m"u8);
        foreach (var s in script.Sensors.Where(s => s.Kind == ScriptedSensorKind.RemoteId))
        {
            json.WriteStartObject();
            json.WriteString("sensor"u8, s.Id.Value);
            json.WriteNumber("range_m"u8, s.RangeMaxMeters);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("scripted_targets"u8);
        for (var i = 0; i < script.Targets.Count; i++)
        {
            var t = script.Targets[i];
            json.WriteStartObject();
            json.WriteNumber("truth_id"u8, i);
            json.WriteString("label"u8, t.Label);
            if (t.UasId is not null)
            {
                json.WriteString("uas_id"u8, t.UasId);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (script.ZoneTraffic is { } z)
        {
            json.WriteStartObject("zone_traffic"u8);
            json.WriteNumber("threats"u8, z.Threats);
            json.WriteNumber("cooperative"u8, z.Cooperative);
            json.WriteNumber("allowed"u8, z.Allowed);
            json.WriteNumber("threat_speed_mps"u8, z.ThreatSpeedMetersPerSecond);
            json.WriteNumber("standoff_m"u8, z.StandoffMeters);
            json.WriteNumber("hover_s"u8, z.HoverSeconds);
            json.WriteNumber("altitude_min_m"u8, z.AltitudeMinMeters);
            json.WriteNumber("altitude_max_m"u8, z.AltitudeMaxMeters);
            json.WriteNumber("area_radius_m"u8, z.AreaRadiusMeters);
            json.WriteEndObject();
        }

        if (script.RandomTargets is { } r)
        {
            json.WriteStartObject("random_targets"u8);
            json.WriteNumber("count"u8, r.Count);
            json.WriteNumber("area_radius_m"u8, r.AreaRadiusMeters);
            json.WriteNumber("altitude_min_m"u8, r.AltitudeMinMeters);
            json.WriteNumber("altitude_max_m"u8, r.AltitudeMaxMeters);
            json.WriteNumber("rid_fraction"u8, r.RidFraction);
            json.WriteNumber("speed_max_mps"u8, r.SpeedMaxMetersPerSecond);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private SimulationSummary Run()
    {
        var steps = (long)Math.Ceiling((_script.DurationSeconds * StepsPerSecond) - 1e-9);
        var radars = _script.Sensors.Where(s => s.Kind == ScriptedSensorKind.Radar).ToArray();
        var truthSensors = radars.Length > 0 ? radars : [.. _script.Sensors];
        _population.BirthAll();
        for (long k = 0; k < steps; k++)
        {
            var t = (double)k / StepsPerSecond;
            UpdateLifeCycles(k, t);
            CollectBodies(t);
            if (truthSensors.Any(s => ScansAt(s, k)))
            {
                WriteTruth(t);
            }

            foreach (var sensor in _script.Sensors)
            {
                if (!ScansAt(sensor, k))
                {
                    continue;
                }

                if (sensor.Kind == ScriptedSensorKind.Radar)
                {
                    RadarScan(sensor, t);
                }
                else
                {
                    RemoteIdScan(sensor, t);
                }
            }

            _population.Step(_motion);
        }

        _writer.Complete();
        return new SimulationSummary(_writer.ScanCount, _radarDetections, _clutterDetections, _remoteIdReports, _population.NextTruthId);
    }

    private static bool ScansAt(ScriptedSensor sensor, long k)
    {
        var offset = (long)Math.Round(sensor.OffsetSeconds * StepsPerSecond);
        var period = (long)Math.Round(sensor.PeriodSeconds * StepsPerSecond);
        return k >= offset && (k - offset) % period == 0;
    }

    /// <summary>Scripted targets starting or leaving, random ones dying (life over or out of the area) and being born.</summary>
    private void UpdateLifeCycles(long k, double t)
    {
        for (var i = 0; i < _routes.Length; i++)
        {
            var route = _routes[i];
            var alive = t >= route.StartSeconds && t < route.DeathSeconds;
            if (alive && !_alive[i])
            {
                _writer.BeginTruth(i, _targets[i].UasId, route.StartSeconds, _targets[i].Role);
            }
            else if (!alive && _alive[i])
            {
                _writer.EndTruth(i, route.DeathSeconds);
            }

            _alive[i] = alive;
        }

        _population.Update(k, t);
    }

    /// <summary>Every target alive at <paramref name="t"/>: scripted ones first, in script order, then the random slots.</summary>
    private void CollectBodies(double t)
    {
        _bodies.Clear();
        for (var i = 0; i < _routes.Length; i++)
        {
            if (_alive[i] && _routes[i].TryState(t, out var position, out var velocity))
            {
                var target = _targets[i];
                _bodies.Add(new Body(i, position, velocity, target.UasId, target.OperatorPosition));
            }
        }

        foreach (var m in _population.Slots)
        {
            if (m is not null)
            {
                _bodies.Add(new Body(m.Id, new EnuVector(m.East, m.North, m.Up), new EnuVector(m.VEast, m.VNorth, m.VUp), m.Broadcasts ? RandomPopulation.UasId(m.Id) : null, null));
            }
        }
    }

    private void WriteTruth(double t)
    {
        foreach (var b in _bodies)
        {
            _writer.WriteTruthState(b.Id, new TruthState(
                t, Round(b.Position.EastMeters, MetreDecimals), Round(b.Position.NorthMeters, MetreDecimals), Round(b.Position.UpMeters, MetreDecimals),
                Round(b.Velocity.EastMeters, MetreDecimals), Round(b.Velocity.NorthMeters, MetreDecimals), Round(b.Velocity.UpMeters, MetreDecimals)));
        }
    }

    private void RadarScan(ScriptedSensor radar, double t)
    {
        var sigmaRange = radar.RangeSigmaMeters;
        var sigmaAngle = radar.AngleSigmaDegrees * Math.PI / 180;
        var covariance = Matrix3x3.Diagonal(sigmaRange * sigmaRange, sigmaAngle * sigmaAngle, sigmaAngle * sigmaAngle);
        var fov = FieldOfView(radar);
        _detections.Clear();
        foreach (var b in _bodies)
        {
            var (range, azimuth, elevation) = RangeAzimuthElevation(b.Position - radar.Position);
            var inView = range >= fov.RangeMinMeters && range <= fov.RangeMaxMeters
                && elevation >= fov.ElevationMinRadians && elevation <= fov.ElevationMaxRadians;
            if (!inView || !_radar.Bernoulli(radar.DetectionProbability))
            {
                continue;
            }

            _detections.Add((Plot(radar, range + (sigmaRange * _radar.Gaussian()), azimuth + (sigmaAngle * _radar.Gaussian()), elevation + (sigmaAngle * _radar.Gaussian()), covariance), b.Id));
        }

        var clutter = _clutter.Poisson(radar.ClutterPerScan);
        for (var i = 0; i < clutter; i++)
        {
            _detections.Add((Plot(
                radar,
                _clutter.Uniform(fov.RangeMinMeters, fov.RangeMaxMeters),
                _clutter.Uniform(fov.AzimuthMinRadians, fov.AzimuthMaxRadians),
                _clutter.Uniform(fov.ElevationMinRadians, fov.ElevationMaxRadians),
                covariance), null));
        }

        // Shuffle so that the order of a scan says nothing about which plots are clutter.
        for (var i = _detections.Count - 1; i > 0; i--)
        {
            var j = _clutter.NextInt(i + 1);
            (_detections[i], _detections[j]) = (_detections[j], _detections[i]);
        }

        _writer.BeginScan(t, radar.Id);
        foreach (var (measurement, truthId) in _detections)
        {
            _writer.WriteDetection(measurement, truthId);
        }

        _writer.EndScan();
        _radarDetections += _detections.Count;
        _clutterDetections += clutter;
    }

    private void RemoteIdScan(ScriptedSensor receiver, double t)
    {
        var sigma = receiver.PositionSigmaMeters;
        var covariance = Matrix3x3.Diagonal(sigma * sigma, sigma * sigma, sigma * sigma);
        _writer.BeginScan(t, receiver.Id);
        foreach (var b in _bodies)
        {
            if (b.UasId is null || (b.Position - receiver.Position).Length > receiver.RangeMaxMeters || !_remoteId.Bernoulli(receiver.DetectionProbability))
            {
                continue;
            }

            var position = new EnuVector(
                Round(b.Position.EastMeters + (sigma * _remoteId.Gaussian()), MetreDecimals),
                Round(b.Position.NorthMeters + (sigma * _remoteId.Gaussian()), MetreDecimals),
                Round(b.Position.UpMeters + (sigma * _remoteId.Gaussian()), MetreDecimals));
            GeoPosition? operatorWgs84 = b.Operator is { } op ? Rounded(_plane.ToGeodetic(op)) : null;
            _writer.WriteDetection(Measurement.EnuPosition(position, covariance), b.Id, b.UasId, operatorWgs84);
            _remoteIdReports++;
        }

        _writer.EndScan();
    }

    /// <summary>Range, compass azimuth (clockwise from north) and elevation of an ENU offset.</summary>
    internal static (double Range, double Azimuth, double Elevation) RangeAzimuthElevation(EnuVector d)
    {
        var horizontal = d.HorizontalLength;
        return (d.Length, Math.Atan2(d.EastMeters, d.NorthMeters), Math.Atan2(d.UpMeters, horizontal));
    }

    private static Measurement Plot(ScriptedSensor radar, double range, double azimuth, double elevation, Matrix3x3 covariance)
    {
        var a = azimuth % (2 * Math.PI);
        a = Round(a < 0 ? a + (2 * Math.PI) : a, RadianDecimals);
        a = a >= 2 * Math.PI ? 0 : a;
        return Measurement.RangeAzimuthElevation(Round(range, MetreDecimals), a, Round(elevation, RadianDecimals), covariance, radar.Position);
    }

    private static GeoPosition Rounded(GeoPosition p) =>
        new(Math.Round(p.LatitudeDegrees, 8), Math.Round(p.LongitudeDegrees, 8), Round(p.HeightAboveEllipsoidMeters, MetreDecimals));

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.ToEven);


    private readonly record struct Body(int Id, EnuVector Position, EnuVector Velocity, string? UasId, EnuVector? Operator);
}
