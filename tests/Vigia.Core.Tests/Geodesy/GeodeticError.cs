using Vigia.Core.Geodesy;

namespace Vigia.Core.Tests.Geodesy;

/// <summary>Test helpers: distances between geodetic positions measured in metres.</summary>
internal static class GeodeticError
{
    /// <summary>
    /// The separation of two nearby geodetic positions in metres, from the radii of curvature at
    /// <paramref name="expected"/> (written out here rather than taken from the code under test).
    /// Longitude differences are taken modulo 360°, so −180° and 180° coincide.
    /// </summary>
    public static double Meters(GeoPosition expected, GeoPosition actual)
    {
        const double a = 6378137.0;
        const double e2 = 0.00669437999014;
        var lat = expected.LatitudeDegrees * Math.PI / 180.0;
        var w2 = 1.0 - (e2 * Math.Sin(lat) * Math.Sin(lat));
        var n = a / Math.Sqrt(w2);
        var m = a * (1.0 - e2) / (w2 * Math.Sqrt(w2));
        var h = expected.HeightAboveEllipsoidMeters;
        var north = (actual.LatitudeDegrees - expected.LatitudeDegrees) * Math.PI / 180.0 * (m + h);
        var east = LongitudeDifferenceDegrees(expected.LongitudeDegrees, actual.LongitudeDegrees) * Math.PI / 180.0 * (n + h) * Math.Cos(lat);
        var up = actual.HeightAboveEllipsoidMeters - expected.HeightAboveEllipsoidMeters;
        return Math.Sqrt((north * north) + (east * east) + (up * up));
    }

    /// <summary>b − a in degrees, wrapped into [-180, 180).</summary>
    public static double LongitudeDifferenceDegrees(double a, double b)
    {
        var d = (b - a) % 360.0;
        return d >= 180.0 ? d - 360.0 : d < -180.0 ? d + 360.0 : d;
    }

    /// <summary>Degrees from degrees, minutes and seconds (all of the same sign).</summary>
    public static double Dms(double degrees, double minutes, double seconds) => degrees + (minutes / 60.0) + (seconds / 3600.0);

    /// <summary>Distance between two ECEF points, metres (computed here, not by the code under test).</summary>
    public static double Meters(EcefPosition expected, EcefPosition actual)
    {
        var dx = actual.XMeters - expected.XMeters;
        var dy = actual.YMeters - expected.YMeters;
        var dz = actual.ZMeters - expected.ZMeters;
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }

    /// <summary>Distance between two ENU points, metres (computed here, not by the code under test).</summary>
    public static double Meters(EnuVector expected, EnuVector actual)
    {
        var de = actual.EastMeters - expected.EastMeters;
        var dn = actual.NorthMeters - expected.NorthMeters;
        var du = actual.UpMeters - expected.UpMeters;
        return Math.Sqrt((de * de) + (dn * dn) + (du * du));
    }
}
