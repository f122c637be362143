using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Asterix.Cat062;

namespace Vigia.Sensors.Radar;

/// <summary>
/// CAT-062 system track → <see cref="MeasurementKind.GeodeticPosition"/> observation: I062/105 latitude and longitude,
/// I062/130 geometric altitude (above the WGS-84 ellipsoid) as height, with the covariance from I062/500.
/// </summary>
/// <remarks>
/// Horizontal covariance in local east/north metres: APC σx, σy and COV (sign(cov)·√|cov|, so cov = ±COV²) when sent,
/// the SDPS's Cartesian axes taken as east and north; else APW σ latitude/longitude turned into metres; else the
/// source's default. Vertical: AGA when sent, else the default; a track without I062/130 has an uninformative
/// height (0 m, <see cref="RadarAdapterOptions.MissingHeightSigmaMeters"/>): barometric levels are pressure altitudes
/// and are not converted. Identity: I062/380 ADR as <c>Icao:XXXXXX</c>. Thread-safety: stateless.
/// </remarks>
internal static class TrackObservations
{
    private const double FeetToMeters = 0.3048;
    private const double MetersPerDegreeLatitude = 111_320;

    public static RadarRejectReason? TryCreate(in Cat062Record track, SystemTrackSource source, RadarAdapterOptions options, Timestamp receiveTime, out Observation observation)
    {
        observation = null!;
        if (track.Wgs84Position is not { } position)
        {
            return RadarRejectReason.NoPosition;
        }

        if (track.TimeOfTrack is not { } timeOfTrack)
        {
            return RadarRejectReason.NoTime;
        }

        if (track.TrackStatus is { IsSimulated: true } && !options.AcceptSimulated)
        {
            return RadarRejectReason.Simulated;
        }

        var accuracies = track.EstimatedAccuracies;
        var horizontal = HorizontalCovariance(accuracies, source.Options, position.LatitudeDegrees);
        double height = 0, vertical = options.MissingHeightSigmaMeters;
        if (track.GeometricAltitudeFeet is { } altitudeFeet)
        {
            height = altitudeFeet * FeetToMeters;
            vertical = accuracies.GeometricAltitudeSigmaFeet is { } aga and > 0 ? aga * FeetToMeters : source.Options.DefaultVerticalSigmaMeters;
        }

        var address = track.AircraftDerivedData.TargetAddress;
        observation = new Observation
        {
            Sensor = source.Sensor,
            SensorTime = TimeOfDayResolver.Resolve(timeOfTrack, receiveTime),
            ReceiveTime = receiveTime,
            Measurement = new Measurement(
                MeasurementKind.GeodeticPosition,
                position.LatitudeDegrees,
                position.LongitudeDegrees,
                height,
                new Matrix3x3(horizontal.Xx, horizontal.Xy, 0, horizontal.Xy, horizontal.Yy, 0, 0, 0, vertical * vertical)),
            UasId = address is { } a ? PlotObservations.IcaoIdentity(a) : null,
        };
        return null;
    }

    private static (double Xx, double Xy, double Yy) HorizontalCovariance(in Cat062EstimatedAccuracies accuracies, SystemTrackSourceOptions source, double latitudeDegrees)
    {
        if (accuracies.PositionSigmaXMeters is { } sx and > 0 && accuracies.PositionSigmaYMeters is { } sy and > 0)
        {
            var xy = accuracies.XyCovarianceComponentMeters is { } c ? Math.CopySign(c * c, c) : 0;

            // Keep the matrix positive definite whatever the wire says (|ρ| < 1).
            var limit = 0.99 * sx * sy;
            return (sx * sx, Math.Clamp(xy, -limit, limit), sy * sy);
        }

        if (accuracies.LatitudeSigmaDegrees is { } slat and > 0 && accuracies.LongitudeSigmaDegrees is { } slon and > 0)
        {
            var north = slat * MetersPerDegreeLatitude;
            var east = slon * MetersPerDegreeLatitude * Math.Max(Math.Cos(latitudeDegrees * Math.PI / 180), 1e-3);
            return (east * east, 0, north * north);
        }

        var d = source.DefaultHorizontalSigmaMeters;
        return (d * d, 0, d * d);
    }
}
