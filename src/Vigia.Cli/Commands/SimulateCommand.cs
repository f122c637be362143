using System.Globalization;
using System.Text;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Simulation;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia simulate</c>: writes a seeded synthetic <c>cuas-scenario/1</c> file.</summary>
internal static class SimulateCommand
{
    private static readonly SimulationOptions Defaults = new();

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
        };
        var output = args.RequiredString("out");
        args.ThrowIfUnused();

        var summary = ScenarioSimulator.WriteFile(options, output);
        var radarScans = (long)Math.Ceiling(options.DurationSeconds - 1e-9);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vigia simulate: wrote {output}: {summary.Scans} scans, {summary.RadarDetections + summary.RemoteIdReports} detections ({summary.RadarDetections} radar, {summary.ClutterDetections} clutter, {summary.RemoteIdReports} Remote ID reports), {summary.TruthTargets} targets; per radar scan {summary.RadarDetections / (double)Math.Max(1, radarScans):F2} radar, {summary.ClutterDetections / (double)Math.Max(1, radarScans):F2} clutter"));
        return CommandLine.Ok;
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
