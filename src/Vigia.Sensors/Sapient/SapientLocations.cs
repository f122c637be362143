using SapientMsg.BsiFlex335V20;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;

namespace Vigia.Sensors.Sapient;

/// <summary>
/// Converts a SAPIENT <see cref="Location"/> into a WGS-84 position (height above the ellipsoid) and an ENU
/// covariance, metres². x is longitude and y latitude (the .proto comments' convention and Vigía's golden
/// messages'); UTM is not converted.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
internal static class SapientLocations
{
    /// <summary>Smallest 1-sigma used, metres, so that a reported error of 0 still gives a positive-definite covariance.</summary>
    public const double MinimumSigmaMeters = 0.1;

    public static SapientDetectionFault TryConvert(Location location, SapientServerOptions options, out GeoPosition position, out Matrix3x3 covariance)
    {
        position = default;
        covariance = default;
        double latitude;
        double longitude;
        double angleToRadians;
        switch (location.CoordinateSystem)
        {
            case LocationCoordinateSystem.LatLngDegM:
                (latitude, longitude, angleToRadians) = (location.Y, location.X, Math.PI / 180);
                break;
            case LocationCoordinateSystem.LatLngRadM:
                (latitude, longitude, angleToRadians) = (location.Y * 180 / Math.PI, location.X * 180 / Math.PI, 1);
                break;
            default:
                return SapientDetectionFault.UnsupportedCoordinateSystem;
        }

        if (!(Math.Abs(latitude) <= 90) || !(Math.Abs(longitude) <= 180))
        {
            return SapientDetectionFault.OutOfRange;
        }

        var (height, verticalSigma, fault) = Height(location, latitude, longitude, options);
        if (fault != SapientDetectionFault.None)
        {
            return fault;
        }

        var (eastSigma, northSigma) = HorizontalSigmas(location, latitude, angleToRadians, options);
        position = new GeoPosition(latitude, longitude, height);
        covariance = Matrix3x3.Diagonal(Square(eastSigma), Square(northSigma), Square(verticalSigma));
        return SapientDetectionFault.None;
    }

    private static (double Height, double Sigma, SapientDetectionFault Fault) Height(Location location, double latitude, double longitude, SapientServerOptions options)
    {
        if (!location.HasZ)
        {
            return (0, options.MissingHeightSigmaMeters, SapientDetectionFault.None);
        }

        var altitude = location.Datum switch
        {
            LocationDatum.Wgs84E => Altitude.AboveEllipsoid(location.Z),
            LocationDatum.Wgs84G => Altitude.AboveMeanSeaLevel(location.Z),
            _ => (Altitude?)null,
        };
        if (altitude is null)
        {
            return (0, 0, SapientDetectionFault.UnsupportedCoordinateSystem);
        }

        if (!HeightConversion.TryToEllipsoidal(latitude, longitude, altitude.Value, options.Geoid, out var height, out var reason))
        {
            return (0, 0, reason == HeightConversion.NeedsGeoidReason ? SapientDetectionFault.NeedsGeoid : SapientDetectionFault.OutOfRange);
        }

        return (height, location.HasZError ? Floor(location.ZError) : options.DefaultVerticalSigmaMeters, SapientDetectionFault.None);
    }

    private static (double East, double North) HorizontalSigmas(Location location, double latitude, double angleToRadians, SapientServerOptions options)
    {
        if (options.LocationErrorsInMeters)
        {
            return (
                location.HasXError ? Floor(location.XError) : options.DefaultHorizontalSigmaMeters,
                location.HasYError ? Floor(location.YError) : options.DefaultHorizontalSigmaMeters);
        }

        // Errors in the coordinate units: one radian of latitude spans M metres, of longitude N·cos(φ) metres.
        var sin = Math.Sin(latitude * Math.PI / 180);
        var cos = Math.Cos(latitude * Math.PI / 180);
        var east = location.HasXError ? Floor(location.XError * angleToRadians * Wgs84.PrimeVerticalRadiusMeters(sin) * cos) : options.DefaultHorizontalSigmaMeters;
        var north = location.HasYError ? Floor(location.YError * angleToRadians * Wgs84.MeridianRadiusMeters(sin)) : options.DefaultHorizontalSigmaMeters;
        return (east, north);
    }

    private static double Floor(double sigma) => double.IsFinite(sigma) ? Math.Max(Math.Abs(sigma), MinimumSigmaMeters) : sigma;

    private static double Square(double x) => x * x;
}
