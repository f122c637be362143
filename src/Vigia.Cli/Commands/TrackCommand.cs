using System.Globalization;
using Vigia.Cli.Tracking;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia track</c>: runs the tracker over a scenario and writes <c>cuas-tracks/1</c>.</summary>
internal static class TrackCommand
{
    public static CommandLine.Command Definition { get; } = new(
        "run the tracker over a cuas-scenario/1 file and write cuas-tracks/1",
        "usage: vigia track --scenario FILE --out TRACKS.json [--filter imm|cv] [--updater ekf|ukf] [--tracker-options FILE] [--no-warm-up]\n\n" +
        "  --scenario FILE      input scenario (cuas-scenario/1), or bundled:NAME (radar-n5-s1, radar-n50-s1, radar-rid-n20-c50-s2)\n" +
        "  --out FILE           output tracks (cuas-tracks/1); '-' for stdout\n" + TrackerChoice.Help,
        Run,
        "no-warm-up");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var scenarioPath = BundledScenarios.Resolve(args.RequiredString("scenario"));
        var outPath = args.RequiredString("out");
        var options = TrackerChoice.From(args);
        var warmUp = !args.Flag("no-warm-up");
        args.ThrowIfUnused();

        using var reader = ScenarioReader.Open(scenarioPath);

        // Write beside the target and rename at the end, so a failed run never leaves a half file under --out.
        var partial = outPath == "-" ? null : outPath + ".partial";
        try
        {
            using (var output = partial is null ? Console.OpenStandardOutput() : File.Create(partial))
            using (var writer = new TrackFileWriter(output, TrackerChoice.Describe(options), leaveOpen: partial is null))
            {
                var progress = new ProgressBar(stderr, reader.Header.EndSeconds - reader.Header.StartSeconds, "tracking");
                var result = ScenarioTrackRun.Run(reader, options, writer.WriteSnapshot, t => progress.Report(t - reader.Header.StartSeconds), warmUp);

                // Read to the end, so a fault after the scans (a file truncated inside truth, trailing text) is reported too.
                reader.ReadToEnd();
                writer.Complete(result.LoopSeconds, result.Measurements);
                progress.Finish();
                Summary(stderr, reader, result);
            }

            if (partial is not null)
            {
                File.Move(partial, outPath, overwrite: true);
            }
        }
        finally
        {
            if (partial is not null && File.Exists(partial))
            {
                File.Delete(partial);
            }
        }

        return CommandLine.Ok;
    }

    internal static void Summary(TextWriter stderr, ScenarioReader reader, ScenarioTrackRun.Result result)
    {
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tracked {result.Measurements} measurements, {result.Snapshots} snapshots, tracker loop {result.LoopSeconds * 1000:F1} ms"));
        if (reader.Faults.Total > 0)
        {
            stderr.WriteLine($"skipped detections: {reader.Faults.Total} ({reader.Faults})");
        }
    }
}
