using SapientMsg.BsiFlex335V20;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Sensors.Sapient;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>DetectionReport → Observation: units, datums, errors, range-bearing geometry and the refusals.</summary>
public sealed class SapientObservationMapperTests
{
    private static readonly SensorId Sensor = new("sapient:test");
    private static readonly Timestamp Received = Timestamp.FromUnixSeconds(1_768_501_807);
    private static readonly GeoPosition Origin = new(19.19, -102.85, 400);
    private static readonly SapientServerOptions Options = new() { FusionNodeId = SapientMessages.FusionNodeId };

    [Fact]
    public void LocationInRadians_BecomesDegrees()
    {
        var message = SapientMessages.Detection();
        var location = message.DetectionReport.Location;
        (location.CoordinateSystem, location.X, location.Y) = (LocationCoordinateSystem.LatLngRadM, -102.8431 * Math.PI / 180, 19.1987 * Math.PI / 180);

        var measurement = Map(message, Options).Measurement;

        Assert.Equal(19.1987, measurement.V0, 9);
        Assert.Equal(-102.8431, measurement.V1, 9);
    }

    [Fact]
    public void GeoidHeight_UsesTheGeoidModelOrIsRefusedWithoutOne()
    {
        var message = SapientMessages.Detection();
        message.DetectionReport.Location.Datum = LocationDatum.Wgs84G;

        var withGeoid = Map(message, Options with { Geoid = new ConstantGeoidModel(-7.5) }).Measurement;
        var withoutGeoid = SapientObservationMapper.TryMap(message, null, Options, Sensor, Received, out _);

        Assert.Equal(512.5, withGeoid.V2, 9);
        Assert.Equal(SapientDetectionFault.NeedsGeoid, withoutGeoid);
    }

    [Fact]
    public void MissingHeight_IsUninformative()
    {
        var message = SapientMessages.Detection();
        message.DetectionReport.Location.ClearZ();
        message.DetectionReport.Location.ClearZError();

        var measurement = Map(message, Options).Measurement;

        Assert.Equal(0, measurement.V2);
        Assert.Equal(1000.0 * 1000.0, measurement.Covariance.M33);
    }

    [Fact]
    public void ErrorsInCoordinateUnits_AreTurnedIntoMetres()
    {
        var message = SapientMessages.Detection();
        var location = message.DetectionReport.Location;
        (location.XError, location.YError) = (0.0001, 0.0001);

        var covariance = Map(message, Options with { LocationErrorsInMeters = false }).Measurement.Covariance;

        // Metres per degree at φ = 19.1987° by the usual series: latitude 111132.92 − 559.82 cos 2φ + 1.175 cos 4φ
        // ≈ 110 694.5; longitude 111412.84 cos φ − 93.5 cos 3φ + 0.118 cos 5φ ≈ 105 167.
        Assert.Equal(11.069, Math.Sqrt(covariance.M22), 3);
        Assert.Equal(10.517, Math.Sqrt(covariance.M11), 3);
    }

    [Fact]
    public void UtmLocation_IsRefusedAsUnsupported()
    {
        var message = SapientMessages.Detection();
        message.DetectionReport.Location.CoordinateSystem = LocationCoordinateSystem.UtmM;

        Assert.Equal(SapientDetectionFault.UnsupportedCoordinateSystem, SapientObservationMapper.TryMap(message, null, Options, Sensor, Received, out _));
    }

    [Fact]
    public void RangeBearingInKilometresAndDegrees_BecomesARadarPlotFromTheNode()
    {
        var picture = new LocalTangentPlane(Origin);
        var nodePosition = new GeoPosition(19.1923, -102.8512, 412);
        var node = SapientNodeFrame.Create(nodePosition, picture);
        var message = SapientMessages.RangeBearingDetection(new RangeBearing
        {
            Range = 1.5,
            Azimuth = 45,
            Elevation = 5,
            RangeError = 0.01,
            AzimuthError = 0.5,
            CoordinateSystem = RangeBearingCoordinateSystem.DegreesKm,
            Datum = RangeBearingDatum.True,
        });

        var fault = SapientObservationMapper.TryMap(message, node, Options with { PictureFrame = picture }, Sensor, Received, out var observation);

        var m = observation.Measurement;
        Assert.Equal(SapientDetectionFault.None, fault);
        Assert.Equal(MeasurementKind.RangeAzimuthElevation, m.Kind);
        Assert.Equal(1500, m.V0, 9);
        Assert.Equal(45 * Math.PI / 180 + node.AzimuthOffsetRadians, m.V1, 12);
        Assert.Equal(5 * Math.PI / 180, m.V2, 12);
        Assert.Equal(10 * 10, m.Covariance.M11, 9);
        Assert.Equal(Math.Pow(0.5 * Math.PI / 180, 2), m.Covariance.M22, 12);
        Assert.Equal(picture.ToEnu(nodePosition), m.SensorPosition);
        Assert.Equal(ObservationFault.None, m.Validate());
    }

    [Fact]
    public void DistantNode_HasItsNorthTurnedByTheMeridianConvergence()
    {
        // 0.5° of longitude east at 19.19° N: convergence ≈ Δλ·sin φ ≈ 0.164°, clockwise.
        var picture = new LocalTangentPlane(Origin);

        var node = SapientNodeFrame.Create(new GeoPosition(19.19, -102.35, 400), picture);

        Assert.Equal(-0.5 * Math.Sin(19.19 * Math.PI / 180), node.AzimuthOffsetRadians * 180 / Math.PI, 3);
    }

    [Fact]
    public void BearingOnly_BecomesAnAzimuthAndWithElevationAnAzimuthElevation()
    {
        var picture = new LocalTangentPlane(Origin);
        var node = SapientNodeFrame.Create(Origin, picture);
        var options = Options with { PictureFrame = picture };
        var bearing = new RangeBearing { Azimuth = 1.0, CoordinateSystem = RangeBearingCoordinateSystem.RadiansM, Datum = RangeBearingDatum.True };
        var withElevation = bearing.Clone();
        withElevation.Elevation = 0.1;

        SapientObservationMapper.TryMap(SapientMessages.RangeBearingDetection(bearing), node, options, Sensor, Received, out var azimuthOnly);
        SapientObservationMapper.TryMap(SapientMessages.RangeBearingDetection(withElevation), node, options, Sensor, Received, out var azimuthElevation);

        Assert.Equal(MeasurementKind.Azimuth, azimuthOnly.Measurement.Kind);
        Assert.Equal(1.0, azimuthOnly.Measurement.V0, 12);
        Assert.Equal(MeasurementKind.AzimuthElevation, azimuthElevation.Measurement.Kind);
        Assert.Equal(0.1, azimuthElevation.Measurement.V1, 12);
    }

    [Theory]
    [InlineData(RangeBearingDatum.Magnetic, true, true, SapientDetectionFault.UnsupportedBearingDatum)]
    [InlineData(RangeBearingDatum.True, false, true, SapientDetectionFault.NoPictureFrame)]
    [InlineData(RangeBearingDatum.True, true, false, SapientDetectionFault.NoNodeLocation)]
    internal void RangeBearing_WithoutWhatItNeeds_IsRefused(RangeBearingDatum datum, bool picture, bool nodeLocation, SapientDetectionFault expected)
    {
        var frame = new LocalTangentPlane(Origin);
        var message = SapientMessages.RangeBearingDetection(new RangeBearing { Range = 100, Azimuth = 10, CoordinateSystem = RangeBearingCoordinateSystem.DegreesM, Datum = datum });

        var fault = SapientObservationMapper.TryMap(
            message, nodeLocation ? SapientNodeFrame.Create(Origin, frame) : null, Options with { PictureFrame = picture ? frame : null }, Sensor, Received, out _);

        Assert.Equal(expected, fault);
    }

    private static Observation Map(SapientMessage message, SapientServerOptions options)
    {
        Assert.Equal(SapientDetectionFault.None, SapientObservationMapper.TryMap(message, null, options, Sensor, Received, out var observation));
        return observation;
    }
}
