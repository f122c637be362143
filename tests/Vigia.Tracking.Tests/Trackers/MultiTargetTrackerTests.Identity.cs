using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

/// <summary>Identity rules for radar-only (non-cooperative) tracks and the gate after a missed scan.</summary>
public sealed partial class MultiTargetTrackerTests
{
    private static readonly EnuVector RadarOnlyStart = new(-600, 900, 120);
    private static readonly EnuVector RadarOnlyVelocity = new(8, -4, 0);
    private static readonly EnuVector FarBroadcaster = new(1500, 1500, 80);

    /// <summary>
    /// A radar-only target flies straight for <paramref name="seconds"/> s (plots at whole seconds) while
    /// a far broadcaster ("RID-FAR") reports at every half second, so the Remote ID receiver is known
    /// to be working and the radar track lives through its scans without a report of its own.
    /// </summary>
    private static MultiTargetTracker RadarOnlyBesideRemoteIdTraffic(int seconds, Random random, TrackerOptions? options = null)
    {
        var tracker = new MultiTargetTracker(options ?? new TrackerOptions());
        for (var k = 0; k < seconds; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Radar(Straight(RadarOnlyStart, RadarOnlyVelocity, k), RadarAtOrigin, random));
            StepOne(tracker, Scenario.At(k + 0.5), Scenario.Position(FarBroadcaster, random, std: 3), "rid-1", "RID-FAR");
        }

        return tracker;
    }

    [Fact]
    public void Step_NewUasIdOnAnEstablishedRadarOnlyTrack_StartsItsOwnTrackInsteadOfRebinding()
    {
        var random = new Random(201);
        var tracker = RadarOnlyBesideRemoteIdTraffic(10, random);
        var radarTrack = Assert.Single(Displayed(tracker, Scenario.At(9.5)), s => s.UasId is null);

        // A new broadcaster reports exactly where the radar-only track is predicted.
        var here = Straight(RadarOnlyStart, RadarOnlyVelocity, 10);
        StepOne(tracker, Scenario.At(10), Scenario.Position(here, random, std: 3), "rid-1", "RID-NEW");

        var shown = Displayed(tracker, Scenario.At(10));
        var radarAfter = Assert.Single(shown, s => s.TrackId == radarTrack.TrackId);
        Assert.Null(radarAfter.UasId);
        Assert.Equal(radarTrack.UpdateCount, radarAfter.UpdateCount);
        var broadcaster = Assert.Single(shown, s => s.UasId == "RID-NEW");
        Assert.NotEqual(radarTrack.TrackId, broadcaster.TrackId);
    }

    [Fact]
    public void Step_NewUasIdThatKeepsAgreeingWithARadarOnlyTrack_MergesIntoItKeepingItsNumber()
    {
        // A drone first tracked by radar that comes into Remote ID range: its reports agree with the
        // radar track scan after scan, so after IdentityMergeReports reports there is one identified track.
        var random = new Random(202);
        var tracker = RadarOnlyBesideRemoteIdTraffic(10, random);
        var radarTrack = Assert.Single(Displayed(tracker, Scenario.At(9.5)), s => s.UasId is null);
        for (var k = 10; k < 16; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Radar(Straight(RadarOnlyStart, RadarOnlyVelocity, k), RadarAtOrigin, random));
            StepOne(tracker, Scenario.At(k + 0.5), Scenario.Position(Straight(RadarOnlyStart, RadarOnlyVelocity, k + 0.5), random, std: 3), "rid-1", "RID-NEW");
        }

        var shown = Displayed(tracker, Scenario.At(15.5));
        var merged = Assert.Single(shown, s => s.UasId == "RID-NEW");
        Assert.Equal(radarTrack.TrackId, merged.TrackId);
        Assert.DoesNotContain(shown, s => s.UasId is null);
        Assert.True((merged.Position - Straight(RadarOnlyStart, RadarOnlyVelocity, 15.5)).Length < 15, $"position {merged.Position}");
    }

    [Fact]
    public void Step_NewUasIdBesideARadarOnlyTrackThatFliesAway_NeverMerges()
    {
        // Same start, but the broadcaster turns away at 40 m/s relative: its reports stop fitting the
        // radar track, so the two stay separate tracks with their own numbers.
        var random = new Random(203);
        var tracker = RadarOnlyBesideRemoteIdTraffic(10, random);
        var radarTrack = Assert.Single(Displayed(tracker, Scenario.At(9.5)), s => s.UasId is null);
        var away = new EnuVector(-30, -25, 0);
        for (var k = 10; k < 20; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Radar(Straight(RadarOnlyStart, RadarOnlyVelocity, k), RadarAtOrigin, random));
            var broadcaster = Straight(RadarOnlyStart, RadarOnlyVelocity, 10) + ((k + 0.5 - 10) * away);
            StepOne(tracker, Scenario.At(k + 0.5), Scenario.Position(broadcaster, random, std: 3), "rid-1", "RID-NEW");
        }

        var shown = Displayed(tracker, Scenario.At(19.5));
        var radarAfter = Assert.Single(shown, s => s.TrackId == radarTrack.TrackId);
        Assert.Null(radarAfter.UasId);
        Assert.NotEqual(radarTrack.TrackId, Assert.Single(shown, s => s.UasId == "RID-NEW").TrackId);
    }

    [Fact]
    public void Step_NewUasIdWithoutEarlierRemoteIdScans_StillBindsToTheRadarTrack()
    {
        // No Remote ID scan has passed the radar track by, so nothing says it is non-cooperative.
        var options = new TrackerOptions { NonCooperativeAfterIdentityScans = 3 };
        var tracker = TrackOneTarget(RadarOnlyStart, RadarOnlyVelocity, scans: 10, seed: 204, options);
        var radarTrack = Assert.Single(Displayed(tracker, Scenario.At(9)));

        StepOne(tracker, Scenario.At(10), Scenario.Position(Straight(RadarOnlyStart, RadarOnlyVelocity, 10), new Random(205), std: 3), "rid-1", "RID-NEW");

        var track = Assert.Single(Displayed(tracker, Scenario.At(10)));
        Assert.Equal((radarTrack.TrackId, "RID-NEW"), (track.TrackId, track.UasId));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(25.0, true)]
    public void Step_PlotAfterAMissedScan_IsTakenOnlyInsideTheGateForTracksAboutToDropOff(double gate, bool taken)
    {
        // 10 scans, one missed scan (t = 10), then a plot 2.5 m/s·s off the prediction: d² well above 1, below 25.
        var options = new TrackerOptions { HiddenTrackGateMahalanobisSquared = gate };
        var tracker = TrackOneTarget(RadarOnlyStart, RadarOnlyVelocity, scans: 10, seed: 206, options);
        var before = Assert.Single(Displayed(tracker, Scenario.At(9)));
        tracker.Step(Scenario.At(10), new SensorId("radar-1"), ReadOnlySpan<Observation>.Empty);
        var predicted = Straight(RadarOnlyStart, RadarOnlyVelocity, 11);
        var (r, az, el) = Scenario.Polar(predicted, RadarAtOrigin);
        StepOne(tracker, Scenario.At(11), Scenario.RadarPlot(r + 10, az + (2 * Scenario.HalfDegree), el, RadarAtOrigin));

        var track = Assert.Single(All(tracker, Scenario.At(11)), s => s.TrackId == before.TrackId);
        Assert.Equal(taken, track.UpdateCount == before.UpdateCount + 1);
    }

    [Fact]
    public void Step_PlotOnATrackThatHasNotMissed_IgnoresTheGateForTracksAboutToDropOff()
    {
        var options = new TrackerOptions { HiddenTrackGateMahalanobisSquared = 1.0 };
        var tracker = TrackOneTarget(RadarOnlyStart, RadarOnlyVelocity, scans: 10, seed: 206, options);
        var before = Assert.Single(Displayed(tracker, Scenario.At(9)));
        var (r, az, el) = Scenario.Polar(Straight(RadarOnlyStart, RadarOnlyVelocity, 10), RadarAtOrigin);
        StepOne(tracker, Scenario.At(10), Scenario.RadarPlot(r + 10, az + (2 * Scenario.HalfDegree), el, RadarAtOrigin));

        var track = Assert.Single(Displayed(tracker, Scenario.At(10)));
        Assert.Equal((before.TrackId, before.UpdateCount + 1), (track.TrackId, track.UpdateCount));
    }
}
