using System.Globalization;
using System.Text;
using Vigia.Alerting.Zones;
using Vigia.Cli.Alerts;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia simulate</c>: writes a seeded synthetic <c>cuas-scenario/1</c> file.</summary>
internal static class SimulateCommand
{
    private static readonly SimulationOptions Defaults = new();
    private static readonly ZoneTrafficOptions TrafficDefaults = new();

    /// <summary>The band of a <c>--zone-circle</c> zone: 0–150 m above the ground (the ground flat at the origin's height).</summary>
    private const double CircleCeilingMeters = 150;

    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "write a seeded synthetic scenario (radar + Remote ID, or a vigia-script/1 script) as cuas-scenario/1",
        BuildUsage(),
        Run);

    private static string BuildUsage()
    {
        var d = Defaults;
        var text = new StringBuilder();
        text.AppendLine("usage: vigia simulate --out FILE [options]");
        text.AppendLine("       vigia simulate --script FILE --out FILE [--seed S] [--duration-s D]");
        text.AppendLine();
        text.AppendLine("Simulates the multicopter scenario model of docs/tracking-formats.md and streams it to FILE.");
        text.AppendLine("Defaults are the parameters of the shared radar-n50-s1.json (apart from its seed).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  --seed S               random seed (default {d.Seed})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --targets N            target slots (default {d.Targets})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --duration-s D         scenario length in seconds (default {d.DurationSeconds})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --clutter-per-scan C   mean radar false plots per scan (default {d.ClutterPerScan})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --rid-fraction F       fraction of targets broadcasting Remote ID (default {d.RidFraction})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --pd P                 radar probability of detection (default {d.DetectionProbability})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --area-radius-m R      area radius in metres; radar range is R + 500 (default {d.AreaRadiusMeters})");
        text.AppendLine("  --origin lat,lon,h     WGS-84 anchor of the ENU frame (degrees, degrees, metres); default none");
        text.AppendLine("  --out FILE             the scenario file to write (required)");
        text.AppendLine();
        text.AppendLine("Protected zones and drones with roles (docs/alerting-scenarios.md; zones need --origin):");
        text.AppendLine("  --zones FILE           zones from a GeoJSON FeatureCollection (as vigia's zone import reads it)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --zone-circle LIST     circular zones 'lat,lon,radius_m,buffer_m', several separated by ';' (band 0-{CircleCeilingMeters} m agl)");
        text.AppendLine("  --threats N            threat flights without Remote ID: approach a zone from outside its buffer, hover or");
        text.AppendLine("                         loiter over it, leave (default 0)");
        text.AppendLine("  --cooperative N        Remote ID drones on lawful routes that keep clear of every zone and buffer (default 0)");
        text.AppendLine("  --allowed N            allow-listed Remote ID flights over the zones (default 0)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --threat-speed-mps V   fastest threat approach, at most {ZoneTrafficOptions.MaxThreatSpeedMetersPerSecond} m/s; each draws from [0.6 V, V] (default {TrafficDefaults.ThreatSpeedMetersPerSecond})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --threat-standoff-m X  threats start at least X m outside every zone's buffer (default {TrafficDefaults.StandoffMeters})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --threat-hover-s S     mean time over the zone; each draws from [0.5 S, 1.5 S] (default {TrafficDefaults.HoverSeconds})");
        text.AppendLine();
        text.AppendLine("With --script FILE the scenario comes from a vigia-script/1 file (docs/scripts.md): a WGS-84 origin,");
        text.AppendLine("radars and Remote ID receivers with positions and ranges, scripted targets (waypoints, speeds, hovers,");
        text.AppendLine("Remote ID on/off) and random ones. --seed and --duration-s override the script's; the other options");
        text.Append("above do not apply. A bad script exits 2 with FILE:LINE:COL: field: reason.");
        return text.ToString();
    }

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.String("script") is { } script)
        {
            return RunScript(script, args, stderr);
        }

        var d = Defaults;
        var seedText = args.String("seed");
        var seed = d.Seed;
        if (seedText is not null && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"--seed: '{seedText}' is not a non-negative integer");
        }

        var origin = args.Doubles("origin", 3);
        if (origin is not null && (Math.Abs(origin[0]) > 90 || Math.Abs(origin[1]) > 180))
        {
            throw new UsageException("--origin: latitude must be within ±90 and longitude within ±180 degrees");
        }

        var zones = Zones(args, origin is not null);
        var traffic = TrafficDefaults with
        {
            Threats = args.Int("threats", 0, 0, 10_000),
            Cooperative = args.Int("cooperative", 0, 0, 10_000),
            Allowed = args.Int("allowed", 0, 0, 10_000),
            ThreatSpeedMetersPerSecond = args.Double("threat-speed-mps", TrafficDefaults.ThreatSpeedMetersPerSecond, 1, ZoneTrafficOptions.MaxThreatSpeedMetersPerSecond),
            StandoffMeters = args.Double("threat-standoff-m", TrafficDefaults.StandoffMeters, 0, 50_000),
            HoverSeconds = args.Double("threat-hover-s", TrafficDefaults.HoverSeconds, 0, 3600),
        };
        if (traffic.Threats + traffic.Allowed > 0 && zones.Count == 0)
        {
            throw new UsageException("--threats, --allowed: need zones (--zones or --zone-circle)");
        }

        var options = d with
        {
            Seed = seed,
            Targets = args.Int("targets", d.Targets, 0, 100_000),
            DurationSeconds = args.Double("duration-s", d.DurationSeconds, 1, 7 * 24 * 3600),
            ClutterPerScan = args.Double("clutter-per-scan", d.ClutterPerScan, 0, 100_000),
            RidFraction = args.Double("rid-fraction", d.RidFraction, 0, 1),
            DetectionProbability = args.Double("pd", d.DetectionProbability, 0, 1),
            AreaRadiusMeters = args.Double("area-radius-m", d.AreaRadiusMeters, 1000, 100_000),
            OriginWgs84 = origin is null ? null : new GeoPosition(origin[0], origin[1], origin[2]),
            Zones = zones,
        };
        options = options with { ZoneTraffic = traffic.Any ? traffic with { AreaRadiusMeters = options.AreaRadiusMeters } : null };
        var output = args.RequiredString("out");
        args.ThrowIfUnused();

        var summary = ScenarioSimulator.WriteFile(options, output);
        var radarScans = (long)Math.Ceiling(options.DurationSeconds - 1e-9);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vigia simulate: wrote {output}: {summary.Scans} scans, {summary.RadarDetections + summary.RemoteIdReports} detections ({summary.RadarDetections} radar, {summary.ClutterDetections} clutter, {summary.RemoteIdReports} Remote ID reports), {summary.TruthTargets} targets; per radar scan {summary.RadarDetections / (double)Math.Max(1, radarScans):F2} radar, {summary.ClutterDetections / (double)Math.Max(1, radarScans):F2} clutter"));
        return CommandLine.Ok;
    }

    /// <summary>The zones of <c>--zones</c> and <c>--zone-circle</c>, in that order.</summary>
    private static List<ScenarioZone> Zones(CommandArguments args, bool hasOrigin)
    {
        var zones = new List<ScenarioZone>();
        if (args.String("zones") is { } file)
        {
            try
            {
                zones.AddRange(ZoneGeoJson.Read(File.ReadAllText(file)).Select(ScenarioZones.FromProtectedZone));
            }
            catch (ZoneValidationException e)
            {
                throw new UsageException($"--zones: {file}: {e.Message}");
            }
        }

        if (args.String("zone-circle") is { } circles)
        {
            foreach (var text in circles.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = text.Split(',');
                var values = new double[parts.Length];
                if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok))
                {
                    throw new UsageException($"--zone-circle: '{text}' is not lat,lon,radius_m,buffer_m");
                }

                var n = zones.Count + 1;
                var zone = new ScenarioZone
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"zone-{n}"),
                    Name = string.Create(CultureInfo.InvariantCulture, $"Zone {n}"),
                    Kind = "other",
                    Circle = new ZoneCircle(values[0], values[1], values[2]),
                    FloorMeters = 0,
                    CeilingMeters = CircleCeilingMeters,
                    HeightReference = "agl",
                    BufferMeters = values[3],
                };
                zones.Add(zone.Check() is { } problem ? throw new UsageException($"--zone-circle: '{text}': {problem.Field}: {problem.Reason}") : zone);
            }
        }

        var duplicate = zones.GroupBy(z => z.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"--zones: zone id '{duplicate.Key}' is used twice");
        }

        return zones.Count > 0 && !hasOrigin
            ? throw new UsageException("--zones, --zone-circle: need --origin (zones are WGS-84, the scenario frame is ENU metres from the origin)")
            : zones;
    }

    private static int RunScript(string scriptPath, CommandArguments args, TextWriter stderr)
    {
        var seedText = args.String("seed");
        ulong? seed = null;
        if (seedText is not null)
        {
            seed = ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? s
                : throw new UsageException($"--seed: '{seedText}' is not a non-negative integer");
        }

        var duration = args.String("duration-s") is null ? (double?)null : args.Double("duration-s", 0, 1, 7 * 24 * 3600);
        var output = args.RequiredString("out");
        args.ThrowIfUnused();

        var script = ScriptedScenarioReader.ReadFile(scriptPath);
        script = script with { Seed = seed ?? script.Seed, DurationSeconds = duration ?? script.DurationSeconds };
        var summary = ScriptedSimulator.WriteFile(script, output);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vigia simulate: wrote {output} from {scriptPath} (seed {script.Seed}, {script.DurationSeconds} s): {summary.Scans} scans of {script.Sensors.Count} sensors, {summary.RadarDetections + summary.RemoteIdReports} detections ({summary.RadarDetections} radar, {summary.ClutterDetections} clutter, {summary.RemoteIdReports} Remote ID reports), {summary.TruthTargets} targets ({script.Targets.Count} scripted)"));
        return CommandLine.Ok;
    }
}
