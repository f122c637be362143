using Vigia.Core.Geodesy;
using Vigia.Core.Tracks;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed partial class MultiTargetTrackerTests
{
    private static readonly EnuVector Broadcaster = new(300, -450, 90);

    [Fact]
    public void Step_FirstRemoteIdReport_StartsAConfirmedTrackCarryingTheUasId()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());

        var result = StepOne(tracker, Scenario.T0, Scenario.Position(Broadcaster), "rid-1", "RID-1");

        Assert.Equal(1, result.Used);
        var track = Assert.Single(Displayed(tracker, Scenario.T0));
        Assert.Equal("RID-1", track.UasId);
        Assert.Equal(TrackStatus.Confirmed, track.Status);
        Assert.Equal(Broadcaster, track.Position);
    }

    [Fact]
    public void Step_ReportWithAnotherUasIdAtTheSamePlace_DoesNotUpdateTheTrack()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        StepOne(tracker, Scenario.T0, Scenario.Position(Broadcaster), "rid-1", "RID-1");
        var first = Assert.Single(Displayed(tracker, Scenario.T0));

        StepOne(tracker, Scenario.At(1), Scenario.Position(Broadcaster), "rid-1", "RID-2");

        var shown = Displayed(tracker, Scenario.At(1));
        Assert.Equal(2, shown.Count);
        var original = Assert.Single(shown, s => s.TrackId == first.TrackId);
        Assert.Equal("RID-1", original.UasId);
        Assert.Equal(1, original.UpdateCount);
        Assert.Equal(Scenario.T0, original.LastUpdate);
        var other = Assert.Single(shown, s => s.TrackId != first.TrackId);
        Assert.Equal("RID-2", other.UasId);
    }

    [Fact]
    public void Step_RadarTrackThenMatchingRemoteIdReport_AdoptsTheUasId()
    {
        var start = new EnuVector(-400, 800, 100);
        var velocity = new EnuVector(10, -5, 0);
        var tracker = TrackOneTarget(start, velocity, scans: 10, seed: 61);
        var radarTrack = Assert.Single(Displayed(tracker, Scenario.At(9)));
        Assert.Null(radarTrack.UasId);

        var random = new Random(62);
        StepOne(tracker, Scenario.At(10), Scenario.Position(Straight(start, velocity, 10), random, std: 3), "rid-1", "RID-9");

        var track = Assert.Single(Displayed(tracker, Scenario.At(10)));
        Assert.Equal(radarTrack.TrackId, track.TrackId);
        Assert.Equal("RID-9", track.UasId);
        Assert.Equal(11, track.UpdateCount);
        Assert.Equal(1, tracker.TrackCount);

        // And the identity sticks: the next radar plot still updates the same, identified track.
        StepOne(tracker, Scenario.At(11), Scenario.Radar(Straight(start, velocity, 11), RadarAtOrigin, random));
        var next = Assert.Single(Displayed(tracker, Scenario.At(11)));
        Assert.Equal((radarTrack.TrackId, "RID-9", 12), (next.TrackId, next.UasId, next.UpdateCount));
    }

    [Fact]
    public void Step_RemoteIdReportsOfOneBroadcaster_KeepUpdatingItsTrack()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(63);
        var velocity = new EnuVector(-8, 6, 0.5);
        for (var k = 0; k < 20; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Position(Straight(Broadcaster, velocity, k), random, std: 4), "rid-1", "RID-1");
        }

        var track = Assert.Single(Displayed(tracker, Scenario.At(19)));
        Assert.Equal(20, track.UpdateCount);
        Assert.True((track.Velocity - velocity).Length < 2, $"velocity {track.Velocity}");
    }

    /// <summary>Tracks a broadcaster for 20 s (σ = 3 m reports, 10 m/s east), then sends one report displaced east by <paramref name="sigmas"/> innovation sigmas.</summary>
    private static (TrackSnapshot Before, TrackSnapshot After) JumpAfterSteadyBroadcast(double sigmas)
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(101);
        var velocity = new EnuVector(10, 0, 0);
        for (var k = 0; k < 20; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Position(Straight(Broadcaster, velocity, k), random, std: 3), "rid-1", "RID-1");
        }

        // The snapshot's extrapolated east variance leaves out Q and the position–velocity term, so the
        // true innovation variance is larger and the true distance smaller than `sigmas`.
        var before = Assert.Single(Displayed(tracker, Scenario.At(20)));
        var innovationStd = Math.Sqrt(before.PositionCovariance.M11 + 9);
        var jump = before.Position + new EnuVector(sigmas * innovationStd, 0, 0);
        StepOne(tracker, Scenario.At(20), Scenario.Position(jump, null, std: 3), "rid-1", "RID-1");
        return (before, Assert.Single(Displayed(tracker, Scenario.At(20))));
    }

    [Fact]
    public void Step_MatchingRemoteIdReportFarOutsideTheIdentityGate_RestartsTheTrackAtTheReportKeepingItsNumber()
    {
        var (before, after) = JumpAfterSteadyBroadcast(sigmas: 100);

        Assert.Equal(before.TrackId, after.TrackId);
        Assert.Equal("RID-1", after.UasId);
        Assert.Equal(21, after.UpdateCount);
        Assert.Equal(before.Position.EastMeters + (100 * Math.Sqrt(before.PositionCovariance.M11 + 9)), after.Position.EastMeters, 1e-6);
        Assert.Equal(EnuVector.Zero, after.Velocity);
    }

    [Fact]
    public void Step_MatchingRemoteIdReportAt10Sigmas_IsAFilterUpdateNotARestart()
    {
        // d² ≈ 100: beyond the ordinary gate (16), inside the identity gate (400).
        var (before, after) = JumpAfterSteadyBroadcast(sigmas: 10);

        Assert.Equal((before.TrackId, 21), (after.TrackId, after.UpdateCount));
        Assert.True(after.Velocity.EastMeters > before.Velocity.EastMeters, $"velocity {after.Velocity} was reset, not updated");
    }

    [Fact]
    public void Step_MatchingRemoteIdReportAt15Sigmas_IsStillInsideTheIdentityGateAndUpdatesTheFilter()
    {
        // d² ≈ 225 ≤ IdentityGateMahalanobisSquared (400): the documented wider window for a matching UAS ID.
        var (before, after) = JumpAfterSteadyBroadcast(sigmas: 15);

        Assert.Equal((before.TrackId, 21), (after.TrackId, after.UpdateCount));
        Assert.True(after.Velocity.EastMeters > before.Velocity.EastMeters, $"velocity {after.Velocity} was reset, not updated");
        Assert.True(after.PositionCovariance.M11 < 9, "position covariance was reset to the report's R");
    }
}
