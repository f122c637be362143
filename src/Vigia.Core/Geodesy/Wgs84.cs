namespace Vigia.Core.Geodesy;

/// <summary>
/// The WGS-84 reference ellipsoid and the conversions between geodetic coordinates
/// (<see cref="GeoPosition"/>: degrees and metres above the ellipsoid) and Earth-centred, Earth-fixed
/// Cartesian coordinates (<see cref="EcefPosition"/>: metres).
/// </summary>
/// <remarks>
/// Defining parameters from NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed.,
/// table 3.1; the derived values agree with its table 3.3.
/// Thread-safety: stateless; every member is safe to call from any thread.
/// </remarks>
public static class Wgs84
{
    /// <summary>Semi-major (equatorial) axis a, metres (defining parameter).</summary>
    public const double SemiMajorAxisMeters = 6378137.0;

    /// <summary>Inverse flattening 1/f, dimensionless (defining parameter).</summary>
    public const double InverseFlattening = 298.257223563;

    /// <summary>Flattening f = (a − b) / a, dimensionless.</summary>
    public const double Flattening = 1.0 / InverseFlattening;

    /// <summary>Semi-minor (polar) axis b = a (1 − f), metres (about 6 356 752.3142 m).</summary>
    public const double SemiMinorAxisMeters = SemiMajorAxisMeters * (1.0 - Flattening);

    /// <summary>First eccentricity squared e² = f (2 − f), dimensionless (about 6.694 379 990 14e-3).</summary>
    public const double EccentricitySquared = Flattening * (2.0 - Flattening);

    /// <summary>Second eccentricity squared e′² = e² / (1 − e²), dimensionless (about 6.739 496 742 28e-3).</summary>
    public const double SecondEccentricitySquared = EccentricitySquared / (1.0 - EccentricitySquared);

    // e⁴, used by Vermeille's closed form.
    private const double EccentricityFourth = EccentricitySquared * EccentricitySquared;

    /// <summary>
    /// Converts a geodetic position (latitude and longitude in degrees, height above the WGS-84
    /// ellipsoid in metres) to ECEF metres. Exact up to floating-point rounding (micrometres).
    /// </summary>
    public static EcefPosition ToEcef(GeoPosition position)
    {
        var (sinLat, cosLat) = Math.SinCos(DegreesToRadians(position.LatitudeDegrees));
        var (sinLon, cosLon) = Math.SinCos(DegreesToRadians(position.LongitudeDegrees));
        var n = PrimeVerticalRadiusMeters(sinLat);
        var h = position.HeightAboveEllipsoidMeters;
        var horizontal = (n + h) * cosLat;
        return new EcefPosition(
            horizontal * cosLon,
            horizontal * sinLon,
            ((n * (1.0 - EccentricitySquared)) + h) * sinLat);
    }

    /// <summary>
    /// Converts an ECEF position (metres) to geodetic latitude and longitude (degrees, longitude in
    /// [-180, 180]) and height above the WGS-84 ellipsoid (metres). Accurate to well under a
    /// millimetre for every point more than about 50 km from the Earth's centre, including the poles,
    /// the equator, points below the ellipsoid and points thousands of kilometres above it.
    /// On the polar axis the longitude is undefined and returned as 0.
    /// </summary>
    public static GeoPosition ToGeodetic(EcefPosition position)
    {
        // Closed form of H. Vermeille, "Direct transformation from geocentric coordinates to geodetic
        // coordinates", Journal of Geodesy 76 (2002) 451–454. It is exact (no series, no iteration),
        // so its error is floating-point rounding only (nanometres to micrometres). The latitude uses
        // the half-angle form 2·atan2(z, D + √(D² + z²)), which stays well conditioned at the poles.
        // It needs r > 0 below, i.e. a point outside the evolute of the meridian ellipse (the region
        // within about 43 km of the centre), which no sensor or aircraft ever is.
        var x = position.XMeters;
        var y = position.YMeters;
        var z = position.ZMeters;
        var rho2 = (x * x) + (y * y);
        var rho = Math.Sqrt(rho2);
        const double a2 = SemiMajorAxisMeters * SemiMajorAxisMeters;

        var p = rho2 / a2;
        var q = (1.0 - EccentricitySquared) * z * z / a2;
        var r = (p + q - EccentricityFourth) / 6.0;
        var s = EccentricityFourth * p * q / (4.0 * r * r * r);
        var t = Math.Cbrt(1.0 + s + Math.Sqrt(s * (2.0 + s)));
        var u = r * (1.0 + t + (1.0 / t));
        var v = Math.Sqrt((u * u) + (EccentricityFourth * q));
        var w = EccentricitySquared * (u + v - q) / (2.0 * v);
        var k = Math.Sqrt(u + v + (w * w)) - w;
        var d = k * rho / (k + EccentricitySquared);
        var dz = Math.Sqrt((d * d) + (z * z));

        var latitude = 2.0 * Math.Atan2(z, d + dz);
        var height = (k + EccentricitySquared - 1.0) / k * dz;
        var longitude = rho == 0.0 ? 0.0 : Math.Atan2(y, x);
        return new GeoPosition(RadiansToDegrees(latitude), RadiansToDegrees(longitude), height);
    }

    /// <summary>
    /// Prime-vertical radius of curvature N (metres) at a geodetic latitude given by its sine:
    /// N = a / √(1 − e² sin²φ).
    /// </summary>
    public static double PrimeVerticalRadiusMeters(double sinLatitude) =>
        SemiMajorAxisMeters / Math.Sqrt(1.0 - (EccentricitySquared * sinLatitude * sinLatitude));

    /// <summary>
    /// Meridian radius of curvature M (metres) at a geodetic latitude given by its sine:
    /// M = a (1 − e²) / (1 − e² sin²φ)^(3/2). One radian of latitude spans (M + h) metres at height h.
    /// </summary>
    public static double MeridianRadiusMeters(double sinLatitude)
    {
        var w2 = 1.0 - (EccentricitySquared * sinLatitude * sinLatitude);
        return SemiMajorAxisMeters * (1.0 - EccentricitySquared) / (w2 * Math.Sqrt(w2));
    }

    internal static double DegreesToRadians(double degrees) => degrees * (Math.PI / 180.0);

    internal static double RadiansToDegrees(double radians) => radians * (180.0 / Math.PI);
}
