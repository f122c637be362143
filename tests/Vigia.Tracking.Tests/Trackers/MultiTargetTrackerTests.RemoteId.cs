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
}
