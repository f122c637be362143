using Vigia.Scenarios.Evaluation;
using Vigia.Scenarios.Format;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Evaluation;

/// <summary>
/// The scorer must reproduce the reference table at the end of <c>shared/docs/tracking-formats.md</c>
/// ("Reference track files") when it scores the Stone Soup reference tracks against the shared scenarios:
/// mean GOSPA and localisation RMS to 0.001, missed/false to 0.01, switches exactly, time to first track to 0.01.
/// </summary>
public sealed class ReferenceScoreTests
{
    public static TheoryData<string, double, double, double, double, int, double> Table => new()
    {
        { "radar-n5-s1", 32.538, 12.983, 0.25, 0.15, 0, 1.88 },
        { "radar-n50-s1", 110.701, 12.967, 3.10, 1.27, 1, 2.19 },
        { "radar-rid-n20-c50-s2", 62.580, 11.215, 0.71, 0.85, 0, 1.77 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Score_StoneSoupReferenceTracks_ReproducesTheDocumentedTable(
        string scenario, double meanGospa, double rms, double missed, double falseTracks, int switches, double timeToFirst)
    {
        var input = ScoringInput.FromScenarioFile(TestPaths.SharedData("scenarios", scenario + ".json"));
        var tracks = TrackFileReader.Read(TestPaths.SharedData("scenarios", "reference", scenario + ".stonesoup-tracks.json"));

        var report = ScenarioScorer.Score(input.Truths, input.ScoredTimes, tracks);
        TestContext.Current.TestOutputHelper?.WriteLine(EvaluationReportText.Format(report));

        Assert.Equal(meanGospa, report.MeanGospa, 0.0005);
        Assert.Equal(rms, report.LocalisationRmsMeters!.Value, 0.0005);
        Assert.Equal(missed, report.MeanMissed, 0.005);
        Assert.Equal(falseTracks, report.MeanFalse, 0.005);
        Assert.Equal(switches, report.TrackSwitches);
        Assert.Equal(timeToFirst, report.MeanTimeToFirstTrackSeconds!.Value, 0.005);
        Assert.Equal(tracks.LoopSeconds, report.LoopSeconds);
    }

    [Fact]
    public void WriteThenRead_ReferenceTracks_ScoresIdentically()
    {
        // The writer must carry a real tracker's output through unchanged, to the last bit of every figure.
        var input = ScoringInput.FromScenarioFile(TestPaths.SharedData("scenarios", "radar-n50-s1.json"));
        var original = TrackFileReader.Read(TestPaths.SharedData("scenarios", "reference", "radar-n50-s1.stonesoup-tracks.json"));
        using var stream = new MemoryStream();
        TrackFileWriter.Write(stream, original);
        var copy = TrackFileReader.Read(stream.ToArray(), "copy.json");

        var a = ScenarioScorer.Score(input.Truths, input.ScoredTimes, original);
        var b = ScenarioScorer.Score(input.Truths, input.ScoredTimes, copy);

        Assert.Equal(EvaluationReportJson.ToJson(a), EvaluationReportJson.ToJson(b));
        Assert.Equal(original.Measurements, copy.Measurements);
    }

    [Fact]
    public void ScoringInput_RadarScenario_ScoresEveryRadarScanTime()
    {
        var input = ScoringInput.FromScenarioFile(TestPaths.SharedData("scenarios", "radar-rid-n20-c50-s2.json"));

        // Radar at t = 0, 1, 2, ...; the Remote ID scans at t + 0.5 are not scored.
        Assert.Equal(Enumerable.Range(0, input.ScoredTimes.Count).Select(i => (double)i), input.ScoredTimes);
        Assert.NotEmpty(input.Truths);
    }
}
