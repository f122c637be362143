using Vigia.Scenarios.Evaluation;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Tests.Evaluation;

/// <summary>The derived figures: switches, time to first track, pooled RMS, confirmed and never-assigned counts.</summary>
public sealed partial class ScenarioScorerTests
{
    [Fact]
    public void Score_TrackSwitches_CountEveryChangeOfTrack()
    {
        // a, a, b, a: two switches (a -> b, b -> a).
        var truths = new[] { Still(1, 0, 0, 3) };
        var tracks = Tracks(
            (0, [Track("a", 0)]), (1, [Track("a", 0)]), (2, [Track("b", 0)]), (3, [Track("a", 0)]));

        Assert.Equal(2, ScenarioScorer.Score(truths, Scans, tracks).TrackSwitches);
    }

    [Fact]
    public void Score_TrackSwitches_RememberTheLastTrackAcrossGaps()
    {
        // a, (nothing), a, (far away), b: the gap at t = 1 is not a switch; a -> b across the t = 3 gap is one.
        var truths = new[] { Still(1, 0, 0, 4) };
        var tracks = Tracks(
            (0, [Track("a", 0)]), (2, [Track("a", 0)]), (3, [Track("a", 500)]), (4, [Track("b", 0)]));

        var report = ScenarioScorer.Score(truths, Scans, tracks);

        Assert.Equal(1, report.TrackSwitches);
        Assert.Equal([0, 1, 0, 1, 0, 0], report.PerStep.Select(s => s.Missed));
    }

    [Fact]
    public void Score_TimeToFirstTrack_StartsAtTheFirstSampledStateNotBirth()
    {
        // Truth 1: born at 1.3, first sampled at 2, first tracked at 5 -> 3 s.
        // Truth 2: first sampled at 0, first tracked at 1 -> 1 s. Truth 3 is never tracked: not averaged.
        var truths = new[] { Still(1, 0, 2, 5, birth: 1.3), Still(2, 1000, 0, 5), Still(3, -1000, 0, 5) };
        var tracks = Tracks(
            (1, [Track("t2", 1000)]),
            (2, [Track("t2", 1000)]),
            (5, [Track("t1", 0), Track("t2", 1000)]));

        var report = ScenarioScorer.Score(truths, Scans, tracks);

        Assert.Equal(2.0, report.MeanTimeToFirstTrackSeconds);
        Assert.Equal(2, report.TruthsEverAssigned);
        Assert.Equal(3, report.Truths);
    }

    [Fact]
    public void Score_LocalisationRms_IsPooledOverPairsNotAveragedOverSteps()
    {
        // Step 0: one pair at 3 m. Step 1: two pairs at 6 m. Pooled sqrt((9 + 36 + 36) / 3) = sqrt(27);
        // the mean of per-step RMS values would be 4.5.
        var truths = new[] { Still(1, 0, 0, 1), Still(2, 1000, 1, 1) };
        var tracks = Tracks((0, [Track("a", 0, 3)]), (1, [Track("a", 0, 6), Track("b", 1000, 6)]));

        var report = ScenarioScorer.Score(truths, [0, 1], tracks);

        Assert.Equal(Math.Sqrt(27), report.LocalisationRmsMeters!.Value, 12);
        Assert.Equal(3, report.AssignedPairs);
    }

    [Fact]
    public void Score_ConfirmedAndNeverAssigned_CountTracks()
    {
        // "ghost" is never within c of a truth; "a" is; "late" appears only once, far away.
        var truths = new[] { Still(1, 0, 0, 2) };
        var tracks = Tracks(
            (0, [Track("a", 0), Track("ghost", 700)]),
            (1, [Track("a", 0), Track("ghost", 720), Track("late", -900)]),
            (2, []));

        var report = ScenarioScorer.Score(truths, [0, 1, 2], tracks);

        Assert.Equal(5.0 / 3, report.MeanConfirmed, 12);
        Assert.Equal(3, report.MaxConfirmed);
        Assert.Equal(2, report.TracksNeverAssigned);
        Assert.Equal(3, report.DistinctTracks);
        Assert.Equal(1.0, report.MeanFalse);
    }

    [Fact]
    public void Score_MeanGospaP1_UsesTheSameSteps()
    {
        // One step with a pair at 30 m, one with a missed truth: p = 1 gives (30 + 25) / 2.
        var truths = new[] { Still(1, 0, 0, 1) };
        var report = ScenarioScorer.Score(truths, [0, 1], Tracks((0, [Track("a", 30)])));

        Assert.Equal(27.5, report.MeanGospaP1, 12);
        Assert.Equal((30 + Math.Sqrt(1250)) / 2, report.MeanGospa, 12);
    }

    [Fact]
    public void Score_TimingFromTheTrackFile_IsPassedThrough()
    {
        var report = ScenarioScorer.Score([], [0], new TrackFile { Snapshots = [], LoopSeconds = 4.5, Measurements = 3883 });
        Assert.Equal(4.5, report.LoopSeconds);
        Assert.Equal(3883, report.Measurements);
    }
}
