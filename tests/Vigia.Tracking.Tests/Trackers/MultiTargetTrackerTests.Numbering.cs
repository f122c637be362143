using Vigia.Core.Geodesy;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed partial class MultiTargetTrackerTests
{
    [Fact]
    public void FirstTrackId_NumbersTheFirstTrackFromIt()
    {
        var tracker = TrackOneTarget(new EnuVector(500, 500, 80), new EnuVector(5, 0, 0), scans: 5, seed: 3, new TrackerOptions { FirstTrackId = 1001 });

        var track = Assert.Single(Displayed(tracker, Scenario.At(4)));
        Assert.Equal(1001, track.TrackId);
    }

    [Fact]
    public void FirstTrackId_BelowOne_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MultiTargetTracker(new TrackerOptions { FirstTrackId = 0 }));
        Assert.Equal("FirstTrackId", error.ParamName);
    }
}
