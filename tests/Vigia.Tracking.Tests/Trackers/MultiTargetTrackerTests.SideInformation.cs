using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed partial class MultiTargetTrackerTests
{
    [Fact]
    public void ATrackFedByRadarAndRemoteId_NamesBothSensors_AndCarriesTheLatestSelfDescription()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(5);
        var start = new EnuVector(800, 300, 90);
        var velocity = new EnuVector(6, 0, 0);
        var first = new BroadcastIdentity { AircraftType = "HelicopterOrMultirotor", OperatorId = "FIN87astrdge12k8", SelfId = "survey", Flags = ["Unauthenticated"] };
        var later = first with { SelfId = "returning", Flags = [] };
        for (var k = 0; k < 6; k++)
        {
            var truth = Straight(start, velocity, k);
            var rid = Scenario.Observe("rid-1", Scenario.At(k), Measurement.EnuPosition(truth, Matrix3x3.Diagonal(9, 9, 25)), "DRONE-1") with { Identity = k < 5 ? first : later };
            tracker.Step(Scenario.At(k), [Scenario.Observe("radar-1", Scenario.At(k), Scenario.Radar(truth, RadarAtOrigin, random)), rid]);
        }

        var track = Assert.Single(Displayed(tracker, Scenario.At(5)));

        Assert.Equal("DRONE-1", track.UasId);
        Assert.Equal(later, track.Identity);
        Assert.Equal([new SensorId("radar-1"), new SensorId("rid-1")], track.Sensors!.OrderBy(s => s.Value));
    }

    [Fact]
    public void Sensors_KeepsAtMostEight_MostRecentLast()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var position = new EnuVector(500, 500, 80);
        for (var k = 0; k < 12; k++)
        {
            tracker.Step(Scenario.At(k), [Scenario.Observe($"observer-{k}", Scenario.At(k), Measurement.EnuPosition(position, Matrix3x3.Diagonal(4, 4, 4)), "HOVER-1")]);
        }

        var track = Assert.Single(Displayed(tracker, Scenario.At(11)));

        Assert.Equal(Enumerable.Range(4, 8).Select(k => new SensorId($"observer-{k}")), track.Sensors);
    }
}
