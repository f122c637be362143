using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed partial class MultiTargetTrackerTests
{
    private static readonly EnuVector DirectionFinder = new(-600, -300, 2);

    [Fact]
    public void Step_BearingOnEmptyPicture_StartsNoTrack()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(81);
        for (var k = 0; k < 10; k++)
        {
            var (_, azimuth, elevation) = Scenario.Polar(new EnuVector(200, 900, 100), DirectionFinder);
            var result = tracker.Step(Scenario.At(k),
            [
                Scenario.Observe("df-1", Scenario.At(k), Scenario.Bearing(azimuth + (0.01 * random.NextGaussian()), DirectionFinder)),
                Scenario.Observe("df-2", Scenario.At(k), Scenario.BearingElevation(azimuth, elevation, DirectionFinder)),
            ]);

            Assert.Equal(new TrackerStepResult(0, 0, 2), result);
        }

        Assert.Equal(0, tracker.TrackCount);
        Assert.Empty(All(tracker, Scenario.At(9)));
    }

    [Fact]
    public void Step_BearingNearAnExistingTrack_UpdatesIt()
    {
        var start = new EnuVector(200, 900, 100);
        var velocity = new EnuVector(10, 0, 0);
        var tracker = TrackOneTarget(start, velocity, scans: 10, seed: 82);
        var before = Assert.Single(Displayed(tracker, Scenario.At(9)));

        var (_, azimuth, _) = Scenario.Polar(Straight(start, velocity, 10), DirectionFinder);
        var result = StepOne(tracker, Scenario.At(10), Scenario.Bearing(azimuth, DirectionFinder, std: 0.2 * Math.PI / 180), "df-1");

        Assert.Equal(new TrackerStepResult(1, 0, 0), result);
        var after = Assert.Single(Displayed(tracker, Scenario.At(10)));
        Assert.Equal(before.TrackId, after.TrackId);
        Assert.Equal(before.UpdateCount + 1, after.UpdateCount);
        Assert.Equal(Scenario.At(10), after.LastUpdate);
        Assert.Equal(1, tracker.TrackCount);
    }

    [Fact]
    public void Step_ConfirmedTrackWithoutUpdates_StopsBeingShownAfterCoastAndIsDeletedLater()
    {
        var options = new TrackerOptions();
        var tracker = TrackOneTarget(new EnuVector(-300, 600, 80), new EnuVector(12, 3, 0), scans: 10, seed: 83, options);
        var last = Scenario.At(9);
        Assert.Single(Displayed(tracker, last));
        var justShown = options.DisplayCoastSeconds - 0.05;
        var justHidden = options.DisplayCoastSeconds + 0.05;
        var justKept = options.DeleteAfterSeconds - 0.05;
        var justDeleted = options.DeleteAfterSeconds + 0.05;

        tracker.Step(last.AddSeconds(justShown), []);
        Assert.Single(Displayed(tracker, last.AddSeconds(justShown)));

        tracker.Step(last.AddSeconds(justHidden), []);
        Assert.Empty(Displayed(tracker, last.AddSeconds(justHidden)));
        Assert.Equal(Core.Tracks.TrackStatus.Coasting, Assert.Single(All(tracker, last.AddSeconds(justHidden))).Status);

        tracker.Step(last.AddSeconds(justKept), []);
        Assert.Equal(1, tracker.TrackCount);

        tracker.Step(last.AddSeconds(justDeleted), []);
        Assert.Equal(0, tracker.TrackCount);
        Assert.Empty(All(tracker, last.AddSeconds(justDeleted)));
    }

    [Fact]
    public void Step_TentativeTrackNotSeenAgain_IsDeletedAfterTheTentativeTimeout()
    {
        var options = new TrackerOptions();
        var tracker = new MultiTargetTracker(options);
        StepOne(tracker, Scenario.T0, Scenario.RadarPlot(900, 1, 0.1, RadarAtOrigin));
        Assert.Equal(Core.Tracks.TrackStatus.Tentative, Assert.Single(All(tracker, Scenario.T0)).Status);
        Assert.Empty(Displayed(tracker, Scenario.T0));

        tracker.Step(Scenario.At(options.TentativeTimeoutSeconds - 0.05), []);
        Assert.Equal(1, tracker.TrackCount);
        tracker.Step(Scenario.At(options.TentativeTimeoutSeconds + 0.05), []);
        Assert.Equal(0, tracker.TrackCount);
    }

    [Fact]
    public void Step_ObservationsOfSeveralTimesInOneCall_AreProcessedInTimeOrder()
    {
        // The same five plots, handed over in reverse order in one call, give the same track as one call per scan.
        var start = new EnuVector(-200, 700, 90);
        var velocity = new EnuVector(15, 5, 0);
        var reference = TrackOneTarget(start, velocity, scans: 5, seed: 84);
        var random = new Random(84);
        var observations = Enumerable.Range(0, 5)
            .Select(k => Scenario.Observe("radar-1", Scenario.At(k), Scenario.Radar(Straight(start, velocity, k), RadarAtOrigin, random)))
            .Reverse()
            .ToArray();
        var tracker = new MultiTargetTracker(new TrackerOptions());

        var result = tracker.Step(Scenario.At(4), observations);

        Assert.Equal(new TrackerStepResult(5, 0, 0), result);
        Assert.Equal(0, tracker.Faults(ObservationFault.OutOfOrder));
        var a = Assert.Single(Displayed(reference, Scenario.At(4)));
        var b = Assert.Single(Displayed(tracker, Scenario.At(4)));
        Assert.Equal(a.Position, b.Position);
        Assert.Equal(a.UpdateCount, b.UpdateCount);
    }

    [Fact]
    public void Step_CoastingTrackSeenAgainBeforeDeletion_IsShownAgainWithTheSameNumber()
    {
        var start = new EnuVector(-300, 600, 80);
        var velocity = new EnuVector(12, 3, 0);
        var tracker = TrackOneTarget(start, velocity, scans: 10, seed: 85);
        var before = Assert.Single(Displayed(tracker, Scenario.At(9)));
        tracker.Step(Scenario.At(12), []);
        Assert.Empty(Displayed(tracker, Scenario.At(12)));

        StepOne(tracker, Scenario.At(12.5), Scenario.Radar(Straight(start, velocity, 12.5), RadarAtOrigin, new Random(86)));

        var after = Assert.Single(Displayed(tracker, Scenario.At(12.5)));
        Assert.Equal(before.TrackId, after.TrackId);
        Assert.Equal(before.UpdateCount + 1, after.UpdateCount);
        Assert.Equal(1, tracker.TrackCount);
    }

    [Fact]
    public void Step_TrackDeletedThenNewTargetAppears_GetsANewNumber()
    {
        var tracker = TrackOneTarget(new EnuVector(-300, 600, 80), new EnuVector(12, 3, 0), scans: 10, seed: 87);
        var first = Assert.Single(Displayed(tracker, Scenario.At(9)));
        tracker.Step(Scenario.At(20), []);
        Assert.Equal(0, tracker.TrackCount);

        StepOne(tracker, Scenario.At(21), Scenario.Position(new EnuVector(100, 100, 50)), "rid-1", "RID-3");

        var second = Assert.Single(Displayed(tracker, Scenario.At(21)));
        Assert.NotEqual(first.TrackId, second.TrackId);
        Assert.True(second.TrackId > first.TrackId);
        Assert.Equal((1, "RID-3"), (second.UpdateCount, second.UasId));
        Assert.Equal(Scenario.At(21), second.FirstSeen);
    }

    [Fact]
    public void GetAllTracks_TentativeTrackInARecycledSlot_ReportsTheSameAsAFreshOne()
    {
        var tracker = TrackOneTarget(new EnuVector(-300, 600, 80), new EnuVector(12, 3, 0), scans: 10, seed: 83);
        tracker.Step(Scenario.At(20), []);
        Assert.Equal(0, tracker.TrackCount);
        var fresh = new MultiTargetTracker(new TrackerOptions());
        var plot = Scenario.RadarPlot(900, 1, 0.1, RadarAtOrigin);

        StepOne(tracker, Scenario.At(21), plot);
        StepOne(fresh, Scenario.At(21), plot);

        var recycled = Assert.Single(All(tracker, Scenario.At(21)));
        var reference = Assert.Single(All(fresh, Scenario.At(21)));
        Assert.Equal(Core.Tracks.TrackStatus.Tentative, recycled.Status);
        Assert.Equal(reference.ManoeuvreProbability, recycled.ManoeuvreProbability);
        Assert.Equal(reference.Position, recycled.Position);
        Assert.Equal(reference.PositionCovariance, recycled.PositionCovariance);
    }
}
