using Vigia.Scenarios.Evaluation;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Tests.Evaluation;

public sealed partial class ScenarioScorerTests
{
    private static double[] Scans => [0, 1, 2, 3, 4, 5];

    /// <summary>A truth standing still at (x, 0, 100) from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    private static TruthTrack Still(int id, double x, double from, double to, double? birth = null)
    {
        var states = new List<TruthState>();
        for (var t = from; t <= to; t++)
        {
            states.Add(new TruthState(t, x, 0, 100, 0, 0, 0));
        }

        return new TruthTrack(id, null, birth ?? from, null, states);
    }

    private static TrackPoint Track(string id, double x, double y = 0) => new(id, x, y, 100);

    private static TrackFile Tracks(params (double T, TrackPoint[] Tracks)[] snapshots) =>
        new() { Snapshots = [.. snapshots.Select(s => new TrackFileSnapshot(s.T, s.Tracks))] };

    [Fact]
    public void Score_PerfectTracking_IsZeroEverywhere()
    {
        var truths = new[] { Still(1, 0, 0, 5) };
        var tracks = Tracks([.. Scans.Select(t => (t, new[] { Track("a", 0) }))]);

        var report = ScenarioScorer.Score(truths, Scans, tracks);

        Assert.Equal(0.0, report.MeanGospa);
        Assert.Equal(0.0, report.LocalisationRmsMeters);
        Assert.Equal(0, report.TrackSwitches);
        Assert.Equal(0.0, report.MeanTimeToFirstTrackSeconds);
        Assert.Equal(1.0, report.MeanConfirmed);
        Assert.Equal(6, report.PerStep.Count);
    }

    [Fact]
    public void Score_ScanWithoutSnapshot_HasNoTracks()
    {
        var truths = new[] { Still(1, 0, 0, 1) };
        var report = ScenarioScorer.Score(truths, [0, 1], Tracks((0, [Track("a", 0)])));

        Assert.Equal(0.0, report.PerStep[0].Gospa);
        Assert.Equal(Math.Sqrt(1250), report.PerStep[1].Gospa, 9);
        Assert.Equal(0.5, report.MeanMissed);
        Assert.Equal(Math.Sqrt(1250) / 2, report.MeanGospa, 12);
        Assert.Equal(0.5, report.MeanConfirmed);
    }

    [Fact]
    public void Score_TruthStatesOutsideItsLife_AreNotScored()
    {
        // The truth lives at t = 2..3 only; tracks at 0, 1, 4, 5 near its position are false there.
        var truths = new[] { Still(1, 0, 2, 3) };
        var tracks = Tracks([.. Scans.Select(t => (t, new[] { Track("a", 0) }))]);

        var report = ScenarioScorer.Score(truths, Scans, tracks);

        Assert.Equal([1, 1, 0, 0, 1, 1], report.PerStep.Select(s => s.False));
        Assert.Equal(0, report.TracksNeverAssigned);
    }

    [Fact]
    public void Score_SnapshotWithinOneMillisecond_MatchesTheScan()
    {
        var truths = new[] { Still(1, 0, 0, 1) };
        var report = ScenarioScorer.Score(truths, [0, 1], Tracks((0.0004, [Track("a", 0)]), (0.9996, [Track("a", 0)])));
        Assert.Equal(0.0, report.MeanGospa);
    }

    [Fact]
    public void Score_SnapshotAtAnotherTime_IsAClearError()
    {
        var truths = new[] { Still(1, 0, 0, 1) };
        var e = Assert.Throws<InvalidDataException>(() => ScenarioScorer.Score(truths, [0, 1], Tracks((0.5, [Track("a", 0)]))));
        Assert.Contains("t = 0.5 s is not a radar scan time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_TwoSnapshotsForOneScan_IsAClearError()
    {
        var truths = new[] { Still(1, 0, 0, 1) };
        var e = Assert.Throws<InvalidDataException>(() =>
            ScenarioScorer.Score(truths, [0, 1], Tracks((0.9995, []), (1.0005, []))));
        Assert.Contains("both match the scan time 1 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ScoredTimesNotIncreasing_Throws() =>
        Assert.Throws<ArgumentException>(() => ScenarioScorer.Score([], [0, 2, 1], Tracks()));

    [Fact]
    public void Score_NothingAtAll_GivesZerosAndNulls()
    {
        var report = ScenarioScorer.Score([], Scans, Tracks());
        Assert.Equal(0.0, report.MeanGospa);
        Assert.Null(report.LocalisationRmsMeters);
        Assert.Null(report.MeanTimeToFirstTrackSeconds);
        Assert.Equal(0, report.MaxConfirmed);
    }
}
