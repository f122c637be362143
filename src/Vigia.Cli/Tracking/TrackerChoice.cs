using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Tracking;

/// <summary>The tracker options a command's <c>--filter</c>, <c>--updater</c> and <c>--tracker-options</c> select.</summary>
internal static class TrackerChoice
{
    public const string Help = """
          --filter imm|cv      per-track filter: IMM of cruise/manoeuvre/hover models (default) or one constant-velocity model
          --updater ekf|ukf    measurement update: extended (default) or unscented Kalman
          --tracker-options FILE
                               tracker settings to use instead of the defaults, a JSON object of TrackerOptions'
                               number and true/false properties, e.g. {"DisplayCoastSeconds": 2.2} (docs/tracking.md)
          --no-warm-up         time the tracker from a cold start (JIT compilation included in loop_s)
        """;

    public static TrackerOptions From(CommandArguments args)
    {
        var filter = args.String("filter") switch
        {
            null or "imm" => FilterKind.Imm,
            "cv" => FilterKind.ConstantVelocity,
            var other => throw new UsageException($"--filter: '{other}' is not imm or cv"),
        };
        var updater = args.String("updater") switch
        {
            null or "ekf" => UpdaterKind.Extended,
            "ukf" => UpdaterKind.Unscented,
            var other => throw new UsageException($"--updater: '{other}' is not ekf or ukf"),
        };
        return TrackerSettings.Apply(new TrackerOptions { Filter = filter, Updater = updater }, args.String("tracker-options"));
    }

    public static string Describe(TrackerOptions options) =>
        $"vigia {typeof(TrackerChoice).Assembly.GetName().Version} multi-target tracker: " +
        $"{(options.Filter == FilterKind.Imm ? $"IMM({string.Join(", ", options.Imm.Models.Select(m => m.Name))})" : "CV")} " +
        $"{(options.Updater == UpdaterKind.Unscented ? "UKF" : "EKF")}, GNN (exact 2-D assignment, spatial pre-gate), " +
        $"score-based confirmation, Remote ID identity" +
        (TrackerSettings.Changes(options) is { Length: > 0 } changes ? $"; settings: {changes}" : "");
}
