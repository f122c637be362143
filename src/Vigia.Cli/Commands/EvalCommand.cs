using Vigia.Cli.Tracking;
using Vigia.Tracking.Trackers;
using Vigia.Scenarios.Evaluation;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Commands;

/// <summary>
/// <c>vigia eval</c>: GOSPA and track-quality figures of a tracks file, or of the tracker itself
/// run on the scenario, against the scenario's truth.
/// </summary>
internal static class EvalCommand
{
    public static CommandLine.Command Definition { get; } = new(
        "score tracks (or the tracker itself) against a scenario's truth: GOSPA and track quality",
        "usage: vigia eval --scenario FILE [--tracks TRACKS.json] [--json] [--steps] [--filter imm|cv] [--updater ekf|ukf] [--no-warm-up]\n\n" +
        "  --scenario FILE      scenario with truth (cuas-scenario/1), or bundled:NAME (radar-n5-s1, radar-n50-s1, radar-rid-n20-c50-s2)\n" +
        "  --tracks FILE        tracks to score (cuas-tracks/1); without it the tracker runs on the scenario\n" +
        "  --json               one JSON object on stdout instead of the table\n" +
        "  --steps              add the per-step GOSPA table to the text output\n" + TrackerChoice.Help,
        Run,
        "json",
        "steps",
        "no-warm-up");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var scenarioPath = BundledScenarios.Resolve(args.RequiredString("scenario"));
        var tracksPath = args.String("tracks");
        var json = args.Flag("json");
        var steps = args.Flag("steps");
        var options = TrackerChoice.From(args);
        var warmUp = !args.Flag("no-warm-up");
        args.ThrowIfUnused();

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
