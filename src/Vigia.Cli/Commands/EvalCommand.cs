using System.Globalization;
using Vigia.Alerting.Lifecycle;
using Vigia.Alerting.Rules;
using Vigia.Cli.Alerts;
using Vigia.Cli.Tracking;
using Vigia.Tracking.Trackers;
using Vigia.Scenarios.Evaluation;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Commands;

/// <summary>
/// <c>vigia eval</c>: GOSPA and track-quality figures of a tracks file, or of the tracker itself
/// run on the scenario, against the scenario's truth; with <c>--alerts</c>, the alerting engine run on those
/// tracks against the scenario's zones and truth roles (docs/alerting-scenarios.md).
/// </summary>
internal static class EvalCommand
{
    public static CommandLine.Command Definition { get; } = new(
        "score tracks (or the tracker itself) against a scenario's truth: GOSPA and track quality",
        "usage: vigia eval --scenario FILE [--tracks TRACKS.json] [--json] [--steps] [--filter imm|cv] [--updater ekf|ukf] [--tracker-options FILE] [--no-warm-up]\n" +
        "       vigia eval --alerts --scenario FILE [--tracks TRACKS.json] [--rules RULES.json] [--json] [--filter imm|cv] [--updater ekf|ukf] [--tracker-options FILE]\n\n" +
        "  --scenario FILE      scenario with truth (cuas-scenario/1), or bundled:NAME (radar-n5-s1, radar-n50-s1, radar-rid-n20-c50-s2)\n" +
        "  --tracks FILE        tracks to score (cuas-tracks/1); without it the tracker runs on the scenario\n" +
        "  --json               one JSON object on stdout instead of the table\n" +
        "  --steps              add the per-step GOSPA table to the text output\n" +
        "  --alerts             run the alerting engine (default rules, exercise off) on the tracks, scan by scan, with the\n" +
        "                       scenario's zones and allow-list, and score it against the truth roles: warnings before\n" +
        "                       zone entries and lead times, rule latencies, false alerts per hour, flaps (docs/alerting-scenarios.md)\n" +
        "  --rules FILE         with --alerts: threat-rule settings to use instead of the defaults, a JSON object with the\n" +
        "                       keys of the server's Vigia:Alerting section, e.g. {\"WarningHorizonSeconds\": 90}\n" +
        TrackerChoice.Help,
        Run,
        "json",
        "steps",
        "no-warm-up",
        "alerts");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var scenarioPath = BundledScenarios.Resolve(args.RequiredString("scenario"));
        var tracksPath = args.String("tracks");
        var json = args.Flag("json");
        var steps = args.Flag("steps");
        var options = TrackerChoice.From(args);
        var warmUp = !args.Flag("no-warm-up");
        var alerts = args.Flag("alerts");
        var rulesPath = args.String("rules");
        args.ThrowIfUnused();
        if (alerts)
        {
            return steps
                ? throw new UsageException("--steps: not with --alerts (the alert report lists every zone entry)")
                : RunAlerts(scenarioPath, tracksPath, RuleSettings.Read(rulesPath), json, options, warmUp, stdout, stderr);
        }

        if (rulesPath is not null)
        {
            throw new UsageException("--rules: only with --alerts");
        }

        var (truth, scoredTimes, tracks) = tracksPath is null
            ? TrackScenario(scenarioPath, options, warmUp, stderr)
            : FromTrackFile(scenarioPath, tracksPath);
        EvaluationReport report;
        try
        {
            report = ScenarioScorer.Score(truth, scoredTimes, tracks);
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"{tracksPath ?? scenarioPath}: {e.Message}");
            return CommandLine.BadInput;
        }

        var text = json ? EvaluationReportJson.ToJson(report) : EvaluationReportText.Format(report, steps);
        stdout.WriteLine(text.TrimEnd('\n'));
        return CommandLine.Ok;
    }

    /// <summary><c>--alerts</c>: tracker (or tracks file) → alerting engine → <see cref="AlertScorer"/>.</summary>
    private static int RunAlerts(string scenarioPath, string? tracksPath, ThreatRuleOptions rules, bool json, TrackerOptions options, bool warmUp, TextWriter stdout, TextWriter stderr)
    {
        using var reader = ScenarioReader.Open(scenarioPath);
        var header = reader.Header;
        if (header.Zones.Count == 0)
        {
            throw new ScenarioFormatException(scenarioPath, 1, 1, "zones", "missing: an alerting evaluation needs protected zones (docs/alerting-scenarios.md)");
        }

        var frame = ScenarioZones.PictureFrame(scenarioPath, header);
        var zones = ScenarioZones.ToContexts(scenarioPath, header);
        var allowList = new AllowList(header.AllowList.Select(id => new AllowListEntry(id, "scenario allow_list")));
        var engine = new AlertEngine(rules, frame, zones, allowList);
        AlertRunResult run;
        if (tracksPath is null)
        {
            if (warmUp)
            {
                // As for the GOSPA evaluation: loop_s then times the tracker, not the JIT compiler.
                TrackerWarmUp.Run(options);
            }

            var progress = new ProgressBar(stderr, header.EndSeconds - header.StartSeconds, "tracking and alerting");
            run = AlertRun.WithTracker(reader, options, engine, t => progress.Report(t - header.StartSeconds));
            progress.Finish();
        }
        else
        {
            run = AlertRun.WithTrackFile(TrackFileReader.Read(tracksPath), header, engine);
        }

        var truth = reader.ReadTruth();
        var report = AlertScorer.Score(header, frame, zones, truth, run, rules);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alerting: {run.Scans.Count} radar scan times, {run.Events.Count} alert changes, {zones.Count} zones, {header.AllowList.Count} allow-listed UAS IDs"));
        if (reader.Faults.Total > 0)
        {
            stderr.WriteLine($"skipped detections: {reader.Faults.Total} ({reader.Faults})");
        }

        var text = json ? AlertReportJson.ToJson(report) : AlertReportText.Format(report);
        stdout.WriteLine(text.TrimEnd('\n'));
        return CommandLine.Ok;
    }

    private static (IReadOnlyList<TruthTrack> Truth, IReadOnlyList<double> ScoredTimes, TrackFile Tracks) FromTrackFile(string scenarioPath, string tracksPath)
    {
        var tracks = TrackFileReader.Read(tracksPath);
        var input = ScoringInput.FromScenarioFile(scenarioPath);
        return (input.Truths, input.ScoredTimes, tracks);
    }

    /// <summary>Runs Vigía's tracker on the scenario; the scored times are its snapshot (radar scan) times.</summary>
    private static (IReadOnlyList<TruthTrack> Truth, IReadOnlyList<double> ScoredTimes, TrackFile Tracks) TrackScenario(string scenarioPath, TrackerOptions options, bool warmUp, TextWriter stderr)
    {
        using var reader = ScenarioReader.Open(scenarioPath);
        var snapshots = new List<TrackFileSnapshot>();
        var progress = new ProgressBar(stderr, reader.Header.EndSeconds - reader.Header.StartSeconds, "tracking");
        var result = ScenarioTrackRun.Run(
            reader,
            options,
            (t, points) => snapshots.Add(new TrackFileSnapshot(t, points.ToArray())),
            t => progress.Report(t - reader.Header.StartSeconds),
            warmUp);
        progress.Finish();
        TrackCommand.Summary(stderr, reader, result);
        var tracks = new TrackFile
        {
            Tracker = TrackerChoice.Describe(options),
            LoopSeconds = result.LoopSeconds,
            Measurements = result.Measurements,
            Snapshots = snapshots,
        };
        return (reader.ReadTruth(), snapshots.ConvertAll(s => s.T), tracks);
    }
}
