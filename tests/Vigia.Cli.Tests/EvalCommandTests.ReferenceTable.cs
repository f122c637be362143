using System.Text.Json;
using Vigia.Cli.Tests.Support;

namespace Vigia.Cli.Tests;

/// <summary>
/// <c>vigia eval --tracks</c> on Stone Soup's reference track files reproduces the table "Reference track
/// files (to check a scorer)" at the end of docs/tracking-formats.md (shared/docs): mean GOSPA and
/// localisation RMS to 0.001, counts and times to 0.01, track switches exactly.
/// </summary>
public sealed partial class EvalCommandTests
{
    private static readonly string[] ReportKeys =
    [
        "mean_gospa", "mean_gospa_p1", "localisation_rms_m", "mean_missed", "mean_false", "track_switches",
        "mean_time_to_first_track_s", "mean_confirmed", "max_confirmed", "tracks_never_assigned", "loop_s", "per_step",
    ];

    private static readonly string[] StepKeys = ["t", "gospa", "missed", "false"];

    // Source: shared/docs/tracking-formats.md, "Reference track files (to check a scorer)".
    [Theory]
    [InlineData("radar-n5-s1", 32.538, 12.983, 0.25, 0.15, 0, 1.88)]
    [InlineData("radar-n50-s1", 110.701, 12.967, 3.10, 1.27, 1, 2.19)]
    [InlineData("radar-rid-n20-c50-s2", 62.580, 11.215, 0.71, 0.85, 0, 1.77)]
    public void EvalJson_StoneSoupReferenceTracks_ReproducesTheReferenceTable(
        string scenario, double meanGospa, double localisationRms, double meanMissed, double meanFalse, int switches, double timeToFirstTrack)
    {
        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario(scenario), "--tracks", VigiaCli.ReferenceTracks(scenario), "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var report = json.RootElement;
        Assert.Equal(meanGospa, report.GetProperty("mean_gospa").GetDouble(), 0.001);
        Assert.Equal(localisationRms, report.GetProperty("localisation_rms_m").GetDouble(), 0.001);
        Assert.Equal(meanMissed, report.GetProperty("mean_missed").GetDouble(), 0.01);
        Assert.Equal(meanFalse, report.GetProperty("mean_false").GetDouble(), 0.01);
        Assert.Equal(switches, report.GetProperty("track_switches").GetInt32());
        Assert.Equal(timeToFirstTrack, report.GetProperty("mean_time_to_first_track_s").GetDouble(), 0.01);
    }

    [Theory]
    [InlineData("radar-n5-s1", 60)]
    [InlineData("radar-n50-s1", 60)]
    [InlineData("radar-rid-n20-c50-s2", 120)]
    public void EvalJson_StoneSoupReferenceTracks_HasExactlyTheDocumentedKeysAndOneStepPerRadarScan(string scenario, int radarScans)
    {
        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario(scenario), "--tracks", VigiaCli.ReferenceTracks(scenario), "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var report = json.RootElement;
        Assert.Equal(ReportKeys, report.EnumerateObject().Select(p => p.Name));
        foreach (var key in ReportKeys[..^1])
        {
            Assert.Equal(JsonValueKind.Number, report.GetProperty(key).ValueKind);
        }

        var steps = report.GetProperty("per_step");
        Assert.Equal(radarScans, steps.GetArrayLength());
        Assert.All(steps.EnumerateArray(), step => Assert.Equal(StepKeys, step.EnumerateObject().Select(p => p.Name)));
        var times = steps.EnumerateArray().Select(s => s.GetProperty("t").GetDouble()).ToArray();
        Assert.Equal(Enumerable.Range(0, radarScans).Select(t => (double)t), times);
        var meanOfSteps = steps.EnumerateArray().Average(s => s.GetProperty("gospa").GetDouble());
        Assert.Equal(report.GetProperty("mean_gospa").GetDouble(), meanOfSteps, 1e-9);
    }

    [Fact]
    public void EvalJson_ReferenceTracks_CopiesTheRecordedLoopTime()
    {
        // radar-n5-s1.stonesoup-tracks.json records timing.loop_s = 0.9933 (the reference table's 0.99 s).
        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", VigiaCli.ReferenceTracks("radar-n5-s1"), "--json");

        using var json = result.StdoutJson();
        Assert.Equal(0.99, json.RootElement.GetProperty("loop_s").GetDouble(), 0.01);
    }

    [Fact]
    public void EvalText_ReferenceTracks_PrintsTheTableWithMeanGospa()
    {
        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", VigiaCli.ReferenceTracks("radar-n5-s1"));

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.Contains("mean GOSPA", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("32.538", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("per_step", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalText_WithSteps_AddsOneLinePerScoredStep()
    {
        var plain = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", VigiaCli.ReferenceTracks("radar-n5-s1"));
        var steps = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", VigiaCli.ReferenceTracks("radar-n5-s1"), "--steps");

        VigiaCli.AssertExit(CommandLine.Ok, steps);
        Assert.StartsWith(plain.Stdout.TrimEnd('\n'), steps.Stdout, StringComparison.Ordinal);
        var extraLines = steps.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(60 + 1, extraLines);
    }
}
