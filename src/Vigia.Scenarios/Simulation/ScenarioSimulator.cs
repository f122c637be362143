using System.Globalization;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// The seeded multicopter scenario simulator of <c>docs/tracking-formats.md</c> ("Scenario model"):
/// n target slots, a radar at the origin scanning at 1 Hz with Poisson clutter, and Remote ID
/// reports at t + 0.5 s from a random fraction of the targets. It streams a <c>cuas-scenario/1</c>
/// file through <see cref="ScenarioWriter"/>, so its memory depends on n, not on the duration.
/// </summary>
/// <remarks>
/// Deterministic for a seed on every platform up to the last bit of the libm functions
/// (<c>Math.Sin</c>, <c>Math.Log</c>…): random numbers come from
/// <see cref="Xoshiro256StarStar"/> streams, one each for target life cycles, motion, radar,
/// clutter and Remote ID, so that changing, for example, the clutter rate leaves the trajectories alone.
/// Thread-safety: a simulator instance is single-use and not thread-safe.
/// </remarks>
public sealed partial class ScenarioSimulator
{
    /// <summary>The radar's sensor id.</summary>
    public static readonly SensorId RadarId = new("radar-1");

    /// <summary>The Remote ID receiver's sensor id.</summary>
    public static readonly SensorId RemoteIdId = new("rid-1");

    private const int StepsPerSecond = 10;
    private const int RemoteIdStepOffset = 5;
    private const double RadarRangeMinMeters = 50;
    private const double ElevationMinDegrees = -2;
    private const double ElevationMaxDegrees = 60;

    private readonly SimulationOptions _options;
    private readonly ScenarioWriter _writer;
    private readonly RandomPopulation _population;
    private readonly Xoshiro256StarStar _motion;
    private readonly Xoshiro256StarStar _radar;
    private readonly Xoshiro256StarStar _clutter;
    private readonly Xoshiro256StarStar _remoteId;
    private readonly List<(Measurement Measurement, int? TruthId)> _detections = [];
    private readonly ScenarioFieldOfView _fieldOfView;
    private long _radarDetections;
    private long _clutterDetections;
    private long _remoteIdReports;

    private ScenarioSimulator(SimulationOptions options, ScenarioWriter writer)
    {
        _options = options;
        _writer = writer;
        var seeder = options.Seed;
        var traffic = options.ZoneTraffic is { Any: true } t ? t : null;
        var planned = traffic is null ? 0 : traffic.Threats + traffic.Cooperative + traffic.Allowed;
        _population = new RandomPopulation(options, writer, new(Xoshiro256StarStar.SplitMix64(ref seeder)), StepsPerSecond, firstTruthId: planned);
        _motion = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _radar = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _clutter = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _remoteId = new(Xoshiro256StarStar.SplitMix64(ref seeder));
        _fieldOfView = FieldOfView(options);
        if (traffic is not null)
        {
            // A sixth stream, split only when zone traffic is asked for: files without it are as before.
            var plane = new LocalTangentPlane(options.OriginWgs84 ?? throw new ArgumentException("zone traffic needs OriginWgs84", nameof(options)));
            var targets = ZoneTrafficPlanner.Plan(
                traffic,
                [.. options.Zones.Select(z => new ZoneFootprint(z, plane))],
                options.DurationSeconds,
                new Xoshiro256StarStar(Xoshiro256StarStar.SplitMix64(ref seeder)),
                firstTruthId: 0);
            _flights = [.. targets.Select((target, id) => new PlannedFlight(id, target, new ScriptedTrajectory(target)))];
        }
    }

    /// <summary>Simulates into a new file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of its domain.</exception>
    public static SimulationSummary WriteFile(SimulationOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var writer = ScenarioWriter.Create(path, CreateHeader(options), json => WriteGenerator(json, options));
        return Run(options, writer);
    }

    /// <summary>Simulates into <paramref name="writer"/> (made with <see cref="CreateHeader"/>) and completes it.</summary>
    public static SimulationSummary Run(SimulationOptions options, ScenarioWriter writer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);
        options.Validate();
        return new ScenarioSimulator(options, writer).Run();
    }

    /// <summary>The header of a simulated file: time base and the radar and Remote ID sensors.</summary>
    public static ScenarioHeader CreateHeader(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sigmaAngle = options.AngleSigmaDegrees * Math.PI / 180;
        return new ScenarioHeader
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Synthetic multicopter scenario: {options.Targets} target slots, {options.DurationSeconds} s, radar Pd={options.DetectionProbability}, clutter {options.ClutterPerScan}/scan, Remote ID on ~{options.RidFraction * 100}% of targets")
                + TrafficDescription(options),
            Zones = options.Zones,
            AllowList = AllowList(options),
            EpochUtc = options.EpochUtc,
            StartSeconds = 0,
            EndSeconds = options.DurationSeconds,
            OriginWgs84 = options.OriginWgs84,
            Sensors =
            [
                new ScenarioSensor
                {
                    Id = RadarId,
                    Type = "radar",
                    Kind = MeasurementKind.RangeAzimuthElevation,
                    Position = EnuVector.Zero,
                    NoiseStd = [options.RangeSigmaMeters, sigmaAngle, sigmaAngle],
                    PeriodSeconds = 1,
                    OffsetSeconds = 0,
                    DetectionProbability = options.DetectionProbability,
                    ClutterPerScan = options.ClutterPerScan,
                    FieldOfView = FieldOfView(options),
                },
                new ScenarioSensor
                {
                    Id = RemoteIdId,
                    Type = "remote_id",
                    Kind = MeasurementKind.EnuPosition,
                    Position = EnuVector.Zero,
                    NoiseStd = [options.RidSigmaMeters, options.RidSigmaMeters, options.RidSigmaMeters],
                    PeriodSeconds = 1,
                    OffsetSeconds = (double)RemoteIdStepOffset / StepsPerSecond,
                    DetectionProbability = options.RidReceptionProbability,
                    ClutterPerScan = 0,
                },
            ],
        };
    }

    private static ScenarioFieldOfView FieldOfView(SimulationOptions options) =>
        new(RadarRangeMinMeters, options.EffectiveRadarRangeMaxMeters, 0, 2 * Math.PI,
            ElevationMinDegrees * Math.PI / 180, ElevationMaxDegrees * Math.PI / 180);

    private static void WriteGenerator(Utf8JsonWriter json, SimulationOptions o)
    {
        json.WriteStartObject();
        json.WriteString("name"u8, "vigia simulate");
        json.WriteNumber("seed"u8, o.Seed);
        json.WriteString("prng"u8, "xoshiro256** seeded by SplitMix64");
        json.WriteStartObject("params"u8);
        json.WriteNumber("targets"u8, o.Targets);
        json.WriteNumber("duration_s"u8, o.DurationSeconds);
        json.WriteNumber("clutter_per_scan"u8, o.ClutterPerScan);
        json.WriteNumber("rid_fraction"u8, o.RidFraction);
        json.WriteNumber("pd"u8, o.DetectionProbability);
        json.WriteNumber("sigma_r_m"u8, o.RangeSigmaMeters);
        json.WriteNumber("sigma_angle_deg"u8, o.AngleSigmaDegrees);
        json.WriteNumber("rid_sigma_m"u8, o.RidSigmaMeters);
        json.WriteNumber("rid_pd"u8, o.RidReceptionProbability);
        json.WriteNumber("area_radius_m"u8, o.AreaRadiusMeters);
        json.WriteStartArray("altitude_m"u8);
        json.WriteNumberValue(o.AltitudeMinMeters);
        json.WriteNumberValue(o.AltitudeMaxMeters);
        json.WriteEndArray();
        json.WriteNumber("speed_max_mps"u8, o.SpeedMaxMetersPerSecond);
        json.WriteNumber("radar_range_max_m"u8, o.EffectiveRadarRangeMaxMeters);
        WriteTrafficParams(json, o);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private SimulationSummary Run()
    {
        var steps = (long)Math.Ceiling((_options.DurationSeconds * StepsPerSecond) - 1e-9);
        _population.BirthAll();
        for (long k = 0; k < steps; k++)
        {
            var t = (double)k / StepsPerSecond;
            UpdateFlights(t);
            _population.Update(k, t);
            switch (k % StepsPerSecond)
            {
                case 0:
                    RadarScan(t);
                    break;
                case RemoteIdStepOffset:
                    RemoteIdScan(t);
                    break;
            }

            _population.Step(_motion);
        }

        _writer.Complete();
        return new SimulationSummary(_writer.ScanCount, _radarDetections, _clutterDetections, _remoteIdReports, _population.NextTruthId);
    }
}
