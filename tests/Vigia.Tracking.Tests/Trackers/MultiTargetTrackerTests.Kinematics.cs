using Vigia.Core.Geodesy;
using Vigia.Core.Tracks;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed partial class MultiTargetTrackerTests
{
    public static TheoryData<FilterKind, UpdaterKind> FilterAndUpdater => new()
    {
        { FilterKind.Imm, UpdaterKind.Extended },
        { FilterKind.Imm, UpdaterKind.Unscented },
        { FilterKind.ConstantVelocity, UpdaterKind.Extended },
        { FilterKind.ConstantVelocity, UpdaterKind.Unscented },
    };

    [Theory]
    [MemberData(nameof(FilterAndUpdater))]
    public void Step_OneTargetPassingTheRadar_OneStableTrackFromTheThirdScanOnWithSmallError(FilterKind filter, UpdaterKind updater)
    {
        // 25 m/s east at 400 m north and 120 m up, from 750 m west to 750 m east of the radar; σr = 5 m, σ = 0.5°.
        var tracker = new MultiTargetTracker(new TrackerOptions { Filter = filter, Updater = updater });
        var start = new EnuVector(-750, 400, 120);
        var velocity = new EnuVector(25, 0, 0);
        var random = new Random(41);
        long? id = null;
        for (var k = 0; k < 60; k++)
        {
            var time = Scenario.At(k);
            StepOne(tracker, time, Scenario.Radar(Straight(start, velocity, k), RadarAtOrigin, random));
            var shown = Displayed(tracker, time);
            if (k == 0)
            {
                Assert.Empty(shown); // one plot is never enough to show a track without identity
                continue;
            }

            if (k == 1)
            {
                continue; // confirmation on the second plot or the third is a tuning choice
            }

            var track = Assert.Single(shown);
            id ??= track.TrackId;
            Assert.Equal(id, track.TrackId);
        }

        var last = Assert.Single(Displayed(tracker, Scenario.At(59)));
        var error = last.Position - Straight(start, velocity, 59);
        Assert.True(error.Length < 15, $"position error {error.Length:F1} m");
        Assert.True((last.Velocity - velocity).Length < 3, $"velocity {last.Velocity}");
        Assert.Equal(60, last.UpdateCount);
        Assert.Equal(1, tracker.TrackCount);
    }

    [Fact]
    public void Step_TwoWellSeparatedTargets_TwoTracksWithStableIds()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(42);
        var a = (Start: new EnuVector(-600, 900, 100), Velocity: new EnuVector(15, 0, 0));
        var b = (Start: new EnuVector(500, -1200, 60), Velocity: new EnuVector(0, 12, 1));
        long[]? ids = null;
        for (var k = 0; k < 60; k++)
        {
            var time = Scenario.At(k);
            tracker.Step(time,
            [
                Scenario.Observe("radar-1", time, Scenario.Radar(Straight(a.Start, a.Velocity, k), RadarAtOrigin, random)),
                Scenario.Observe("radar-1", time, Scenario.Radar(Straight(b.Start, b.Velocity, k), RadarAtOrigin, random)),
            ]);
            if (k < 3)
            {
                continue;
            }

            var shown = Displayed(tracker, time);
            Assert.Equal(2, shown.Count);
            var nearA = shown.MinBy(s => (s.Position - Straight(a.Start, a.Velocity, k)).Length);
            var nearB = shown.MinBy(s => (s.Position - Straight(b.Start, b.Velocity, k)).Length);
            Assert.NotEqual(nearA.TrackId, nearB.TrackId);
            ids ??= [nearA.TrackId, nearB.TrackId];
            Assert.Equal(ids, new[] { nearA.TrackId, nearB.TrackId });
        }

        Assert.Equal(2, tracker.TrackCount);
    }

    [Fact]
    public void GetDisplayedTracks_LaterTime_ExtrapolatesAlongTheVelocity()
    {
        var tracker = TrackOneTarget(new EnuVector(-500, 700, 80), new EnuVector(20, -10, 1), scans: 20, seed: 43);
        var now = Assert.Single(Displayed(tracker, Scenario.At(19)));

        // Through the interface the server uses, 1.2 s after the last scan.
        var snapshots = new List<TrackSnapshot>();
        ((ITracker)tracker).GetDisplayedTracks(Scenario.At(20.2), snapshots);
        var later = Assert.Single(snapshots);

        Assert.Equal(now.TrackId, later.TrackId);
        Assert.Equal(Scenario.At(20.2), later.Time);
        var expected = now.Position + (1.2 * now.Velocity);
        Assert.Equal(expected.EastMeters, later.Position.EastMeters, 1e-6);
        Assert.Equal(expected.NorthMeters, later.Position.NorthMeters, 1e-6);
        Assert.Equal(expected.UpMeters, later.Position.UpMeters, 1e-6);
        Assert.Equal(now.Velocity, later.Velocity);
        Assert.True(later.PositionCovariance.M11 > now.PositionCovariance.M11);
        Assert.True(later.PositionCovariance.M22 > now.PositionCovariance.M22);
    }
}
