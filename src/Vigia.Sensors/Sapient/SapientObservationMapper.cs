using SapientMsg.BsiFlex335V20;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>
/// Turns a valid DetectionReport into a tracker <see cref="Observation"/>:
/// <list type="bullet">
/// <item>a <c>location</c> in latitude/longitude becomes a <see cref="MeasurementKind.GeodeticPosition"/> (height
/// above the ellipsoid; a geoid height through the configured geoid model);</item>
/// <item>a <c>range_bearing</c> against true north becomes, from the node's reported position in the picture frame,
/// a <see cref="MeasurementKind.RangeAzimuthElevation"/> (with a range), an
/// <see cref="MeasurementKind.AzimuthElevation"/> or an <see cref="MeasurementKind.Azimuth"/> (bearing only), the
/// azimuth turned from the node's north to the picture frame's.</item>
/// </list>
/// The sensor time is the message timestamp; errors given by the node are taken as 1-sigma.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
internal static class SapientObservationMapper
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static SapientDetectionFault TryMap(
        SapientMessage message, SapientNodeFrame? node, SapientServerOptions options, SensorId sensor, Timestamp receiveTime, out Observation observation)
    {
        observation = null!;
        var report = message.DetectionReport;
        if (!TryTimestamp(message.Timestamp, out var sensorTime))
        {
            return SapientDetectionFault.TimestampOutOfRange;
        }

        Measurement measurement;
        if (report.LocationOneofCase == DetectionReport.LocationOneofOneofCase.Location)
        {
            var fault = SapientLocations.TryConvert(report.Location, options, out var position, out var covariance);
            if (fault != SapientDetectionFault.None)
            {
                return fault;
            }

            measurement = new Measurement(MeasurementKind.GeodeticPosition, position.LatitudeDegrees, position.LongitudeDegrees, position.HeightAboveEllipsoidMeters, covariance);
        }
        else
        {
            var fault = TryRangeBearing(report.RangeBearing, node, options, out measurement);
            if (fault != SapientDetectionFault.None)
            {
                return fault;
            }
        }

        if (measurement.Validate() != ObservationFault.None)
        {
            return SapientDetectionFault.OutOfRange;
        }

        observation = new Observation { Sensor = sensor, SensorTime = sensorTime, ReceiveTime = receiveTime, Measurement = measurement };
        return SapientDetectionFault.None;
    }

    /// <summary>The classification tree flattened depth first.</summary>
    public static IReadOnlyList<SapientClass> Classes(DetectionReport report)
    {
        if (report.Classification.Count == 0)
        {
            return [];
        }

        var classes = new List<SapientClass>();
        foreach (var c in report.Classification)
        {
            classes.Add(new SapientClass(c.Type, 0, c.HasConfidence ? c.Confidence : null, null));
            AddSubClasses(c.SubClass, c.Type, classes);
        }

        return classes;
    }

    /// <summary>A protobuf timestamp as a Vigía timestamp, or false outside ±292 years around 1970.</summary>
    public static bool TryTimestamp(Google.Protobuf.WellKnownTypes.Timestamp? timestamp, out Timestamp result)
    {
        result = default;
        const long limit = long.MaxValue / NanosecondsPerSecond - 1;
        if (timestamp is null || Math.Abs(timestamp.Seconds) > limit || timestamp.Nanos is < 0 or >= (int)NanosecondsPerSecond)
        {
            return false;
        }

        result = new Timestamp((timestamp.Seconds * NanosecondsPerSecond) + timestamp.Nanos);
        return true;
    }

    private static void AddSubClasses(IEnumerable<DetectionReport.Types.SubClass> subClasses, string parent, List<SapientClass> classes)
    {
        foreach (var s in subClasses)
        {
            classes.Add(new SapientClass(s.Type, s.Level, s.HasConfidence ? s.Confidence : null, parent));
            AddSubClasses(s.SubClass_, s.Type, classes);
        }
    }

    private static SapientDetectionFault TryRangeBearing(RangeBearing rb, SapientNodeFrame? node, SapientServerOptions options, out Measurement measurement)
    {
        measurement = default;
        if (rb.Datum != RangeBearingDatum.True)
        {
            return SapientDetectionFault.UnsupportedBearingDatum;
        }

        var (angle, distance) = rb.CoordinateSystem switch
        {
            RangeBearingCoordinateSystem.DegreesM => (Math.PI / 180, 1.0),
            RangeBearingCoordinateSystem.DegreesKm => (Math.PI / 180, 1000.0),
            RangeBearingCoordinateSystem.RadiansM => (1.0, 1.0),
            RangeBearingCoordinateSystem.RadiansKm => (1.0, 1000.0),
            _ => (0.0, 0.0),
        };
        if (angle == 0)
        {
            return SapientDetectionFault.UnsupportedCoordinateSystem;
        }

        if (options.PictureFrame is null)
        {
            return SapientDetectionFault.NoPictureFrame;
        }

        if (node is null)
        {
            return SapientDetectionFault.NoNodeLocation;
        }

        if (!rb.HasAzimuth)
        {
            return SapientDetectionFault.NoAzimuth;
        }

        var azimuth = NormaliseAzimuth((rb.Azimuth * angle) + node.AzimuthOffsetRadians);
        var azimuthSigma = rb.HasAzimuthError ? Math.Max(rb.AzimuthError * angle, 1e-6) : options.DefaultAngleSigmaRadians;
        var elevation = rb.HasElevation ? rb.Elevation * angle : 0;
        var elevationSigma = rb.HasElevation
            ? (rb.HasElevationError ? Math.Max(rb.ElevationError * angle, 1e-6) : options.DefaultAngleSigmaRadians)
            : options.UnknownElevationSigmaRadians;
        if (rb.HasRange)
        {
            var rangeSigma = rb.HasRangeError ? Math.Max(rb.RangeError * distance, SapientLocations.MinimumSigmaMeters) : options.DefaultRangeSigmaMeters;
            measurement = Measurement.RangeAzimuthElevation(
                rb.Range * distance, azimuth, elevation, Matrix3x3.Diagonal(rangeSigma * rangeSigma, azimuthSigma * azimuthSigma, elevationSigma * elevationSigma), node.PicturePosition);
        }
        else if (rb.HasElevation)
        {
            measurement = new Measurement(
                MeasurementKind.AzimuthElevation, azimuth, elevation, 0, Matrix3x3.Diagonal(azimuthSigma * azimuthSigma, elevationSigma * elevationSigma, 0), node.PicturePosition);
        }
        else
        {
            measurement = new Measurement(MeasurementKind.Azimuth, azimuth, 0, 0, Matrix3x3.Diagonal(azimuthSigma * azimuthSigma, 0, 0), node.PicturePosition);
        }

        return SapientDetectionFault.None;
    }

    private static double NormaliseAzimuth(double radians)
    {
        var a = radians % (2 * Math.PI);
        return a < 0 ? a + (2 * Math.PI) : a;
    }
}
