using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed partial class MultiTargetTrackerTests
{
    private static readonly GeoPosition FrameOrigin = new(40.4168, -3.7038, 650);

    public static TheoryData<string, ObservationFault> FaultyObservations => new()
    {
        { "NaN value", ObservationFault.NonFiniteValue },
        { "non-SPD covariance", ObservationFault.CovarianceNotPositiveDefinite },
        { "geodetic without frame", ObservationFault.UnsupportedKind },
        { "negative range", ObservationFault.ValueOutOfRange },
    };

    [Theory]
    [MemberData(nameof(FaultyObservations))]
    public void Step_FaultyObservation_IsCountedNotThrown(string what, ObservationFault expected)
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var measurement = what switch
        {
            "NaN value" => Measurement.EnuPosition(new EnuVector(double.NaN, 0, 100), Matrix3x3.Diagonal(25, 25, 25)),
            "non-SPD covariance" => Measurement.EnuPosition(new EnuVector(100, 0, 100), new Matrix3x3(25, 30, 0, 30, 25, 0, 0, 0, 25)),
            "geodetic without frame" => new Measurement(MeasurementKind.GeodeticPosition, 40.42, -3.70, 700, Matrix3x3.Diagonal(25, 25, 25)),
            _ => Scenario.RadarPlot(-10, 1, 0.1, RadarAtOrigin),
        };

        var result = StepOne(tracker, Scenario.T0, measurement);

        Assert.Equal(new TrackerStepResult(0, 1, 0), result);
        Assert.Equal(1, tracker.Faults(expected));
        Assert.Equal(0, tracker.TrackCount);
    }

    [Fact]
    public void Step_ObservationOlderThanTheTrackerTime_IsCountedOutOfOrder()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        StepOne(tracker, Scenario.At(10), Scenario.Position(new EnuVector(0, 500, 100)), "rid-1", "RID-1");

        var stale = Scenario.Observe("rid-1", Scenario.At(5), Scenario.Position(new EnuVector(0, 500, 100)), "RID-1");
        var result = tracker.Step(Scenario.At(11), [stale]);

        Assert.Equal(new TrackerStepResult(0, 1, 0), result);
        Assert.Equal(1, tracker.Faults(ObservationFault.OutOfOrder));
        Assert.Equal(1, Assert.Single(Displayed(tracker, Scenario.At(11))).UpdateCount);
    }

    [Fact]
    public void Step_MixedGoodAndFaultyObservations_UsesTheGoodOnesAndCountsEachFault()
    {
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var t = Scenario.T0;
        Observation[] scan =
        [
            Scenario.Observe("radar-1", t, Scenario.RadarPlot(800, 1, 0.1, RadarAtOrigin)),
            Scenario.Observe("radar-1", t, Scenario.RadarPlot(double.PositiveInfinity, 1, 0.1, RadarAtOrigin)),
            Scenario.Observe("radar-1", t, Scenario.RadarPlot(900, 2, 0.1, RadarAtOrigin, rangeStd: 0)),
            Scenario.Observe("radar-1", t, Scenario.RadarPlot(1000, 3, 0.1, RadarAtOrigin)),
        ];

        var result = tracker.Step(t, scan);

        Assert.Equal(new TrackerStepResult(2, 2, 0), result);
        Assert.Equal(1, tracker.Faults(ObservationFault.NonFiniteValue));
        Assert.Equal(1, tracker.Faults(ObservationFault.CovarianceNotPositiveDefinite));
        Assert.Equal(2, tracker.TrackCount);
    }

    [Fact]
    public void Step_GeodeticObservationWithAFrame_FusesLikeTheEquivalentEnuObservation()
    {
        var frame = new LocalTangentPlane(FrameOrigin);
        var geodetic = new MultiTargetTracker(new TrackerOptions { Frame = frame });
        var enu = new MultiTargetTracker(new TrackerOptions { Frame = frame });
        var random = new Random(71);
        var start = new EnuVector(350, -420, 95);
        var velocity = new EnuVector(6, 9, 0);
        var covariance = Matrix3x3.Diagonal(16, 16, 36);
        for (var k = 0; k < 8; k++)
        {
            var time = Scenario.At(k);
            var point = Straight(start, velocity, k) + new EnuVector(4 * random.NextGaussian(), 4 * random.NextGaussian(), 6 * random.NextGaussian());
            var geo = frame.ToGeodetic(point);
            var a = geodetic.Step(time, [Scenario.Observe("rid-1", time, new Measurement(MeasurementKind.GeodeticPosition, geo.LatitudeDegrees, geo.LongitudeDegrees, geo.HeightAboveEllipsoidMeters, covariance), "RID-7")]);
            var b = enu.Step(time, [Scenario.Observe("rid-1", time, Measurement.EnuPosition(point, covariance), "RID-7")]);
            Assert.Equal(b, a);
        }

        var x = Assert.Single(Displayed(geodetic, Scenario.At(7)));
        var y = Assert.Single(Displayed(enu, Scenario.At(7)));
        Assert.Equal(0, geodetic.Faults(ObservationFault.UnsupportedKind));
        Assert.True((x.Position - y.Position).Length < 1e-4, $"positions differ by {(x.Position - y.Position).Length} m");
        Assert.True((x.Velocity - y.Velocity).Length < 1e-4);
        Assert.Equal(y.PositionCovariance.M11, x.PositionCovariance.M11, 1e-6);
        Assert.Equal((y.UasId, y.UpdateCount), (x.UasId, x.UpdateCount));
    }

    [Fact]
    public void Step_FiniteButEnormousDetection_IsHandledWithoutWalkingTheWholePlane()
    {
        // A valid (finite, positive-definite) but absurd plot: range 1e300 m, covariance 1e300. It must
        // neither throw nor make the spatial pre-gate walk billions of empty grid columns.
        var tracker = new MultiTargetTracker(new TrackerOptions());
        var random = new Random(3);
        for (var k = 0; k < 3; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Radar(new EnuVector(1000, 500, 100), RadarAtOrigin, random));
        }

        var absurd = Scenario.Observe("radar-1", Scenario.At(3), Measurement.RangeAzimuthElevation(1e300, 1.0, 0.1, Matrix3x3.Diagonal(1e300, 1e300, 1e300), RadarAtOrigin));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        tracker.Step(Scenario.At(3), [absurd]);
        tracker.Step(Scenario.At(4), [Scenario.Observe("radar-1", Scenario.At(4), Scenario.Radar(new EnuVector(1000, 500, 100), RadarAtOrigin, random))]);
        watch.Stop();

        Assert.Single(Displayed(tracker, Scenario.At(4)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
