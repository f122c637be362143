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

    [Fact]
    public void Classification_KeepsTheBestEvidence_RadarNothing_SapientClass_RemoteIdDrone()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(9);
        var start = new EnuVector(900, -200, 80);
        var velocity = new EnuVector(-5, 2, 0);
        var rotary = new Classification(ObjectClass.UavRotaryWing, EvidenceSource.Sapient, 0.7, "UAV Rotary Wing", new SensorId("eo-1"));
        var bird = new Classification(ObjectClass.Bird, EvidenceSource.Sapient, 0.4, "Bird", new SensorId("eo-1"));
        Classification? seen = null;
        for (var k = 0; k < 10; k++)
        {
            var truth = Straight(start, velocity, k);
            var batch = new List<Observation> { Scenario.Observe("radar-1", Scenario.At(k), Scenario.Radar(truth, RadarAtOrigin, random)) };
            if (k is 3 or 4)
            {
                // An electro-optical SAPIENT node sees a rotary-wing drone, then (less sure) a bird.
                batch.Add(Scenario.Observe("eo-1", Scenario.At(k), Measurement.EnuPosition(truth, Matrix3x3.Diagonal(25, 25, 100))) with { Classification = k == 3 ? rotary : bird });
            }

            if (k == 8)
            {
                batch.Add(Scenario.Observe("rid-1", Scenario.At(k), Measurement.EnuPosition(truth, Matrix3x3.Diagonal(9, 9, 25)), "DRONE-7")
                    with
                { Identity = new BroadcastIdentity { AircraftType = "Aeroplane" } });
            }

            tracker.Step(Scenario.At(k), batch.ToArray());
            var displayed = Displayed(tracker, Scenario.At(k));
            if (k == 2)
            {
                Assert.All(displayed, t => Assert.Null(t.Classification));
            }

            if (k == 6)
            {
                seen = Assert.Single(displayed).Classification;
            }
        }

        Assert.Equal(rotary, seen);
        var final = Assert.Single(Displayed(tracker, Scenario.At(9))).Classification!;
        Assert.Equal((ObjectClass.UavFixedWing, EvidenceSource.RemoteId), (final.Class, final.Source));
    }
}
