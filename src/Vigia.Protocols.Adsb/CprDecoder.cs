namespace Vigia.Protocols.Adsb;

/// <summary>
/// Compact Position Reporting (CPR) decoding: global (an even and an odd frame, no reference), local (one frame
/// and a reference position within half a zone), airborne and surface.
/// </summary>
/// <remarks>
/// ICAO Annex 10 Vol IV Appendix to Chapter 3 §A.1.7 and DO-260B §A.1.7: NZ = 15 latitude zones per quadrant;
/// Dlat_i = 360°/(4·NZ − i) airborne, 90°/(4·NZ − i) surface; NL(lat) is the number of longitude zones at a
/// latitude, read from the transition latitudes
/// lat_NL = (180/π)·arccos(√((1 − cos(π/(2·NZ))) / (1 − cos(2π/NL)))) computed here from that formula. A global
/// decode is refused when the even and odd latitudes fall in different NL zones (the aircraft crossed a zone
/// boundary between the two frames). A local decode is right only while the true position is within half a
/// zone of the reference (about 180 NM airborne, 45 NM surface); the caller must ensure that.
/// All angles are WGS-84 degrees; longitudes are returned in [−180, 180). Thread-safety: stateless.
/// </remarks>
public static class CprDecoder
{
    /// <summary>Number of latitude zones between the equator and a pole.</summary>
    public const int Nz = 15;

    /// <summary>2^17: the encoded latitude and longitude are fractions of a zone in 17 bits.</summary>
    public const double Scale = 131072.0;

    /// <summary>The transition latitudes for NL = 59 down to 2, ascending.</summary>
    private static readonly double[] Transitions = BuildTransitions();

    /// <summary>The number of longitude zones NL at <paramref name="latitudeDegrees"/> (1–59).</summary>
    public static int NumberOfLongitudeZones(double latitudeDegrees)
    {
        var lat = Math.Abs(latitudeDegrees);
        if (lat >= 87.0)
        {
            return lat > 87.0 ? 1 : 2;
        }

        // Count the transition latitudes at or below lat; NL drops by one at each.
        int lo = 0, hi = Transitions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (Transitions[mid] <= lat)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (4 * Nz) - 1 - lo;
    }

    /// <summary>Global airborne decode of an even/odd pair; the result is the position of the newer frame.</summary>
    /// <returns>False when the two latitudes are in different NL zones or the latitude is impossible.</returns>
    public static bool TryDecodeGlobalAirborne(int evenLat, int evenLon, int oddLat, int oddLon, CprFormat newer, out double latitudeDegrees, out double longitudeDegrees) =>
        TryDecodeGlobal(360.0, evenLat, evenLon, oddLat, oddLon, newer, out latitudeDegrees, out longitudeDegrees);

    /// <summary>
    /// Global surface decode of an even/odd pair. Surface CPR leaves four longitude and two latitude answers;
    /// the one nearest the reference (receiver or last position) is taken.
    /// </summary>
    public static bool TryDecodeGlobalSurface(
        int evenLat, int evenLon, int oddLat, int oddLon, CprFormat newer, double referenceLatitude, double referenceLongitude, out double latitudeDegrees, out double longitudeDegrees)
    {
        if (!TryDecodeGlobal(90.0, evenLat, evenLon, oddLat, oddLon, newer, out var lat, out var lon))
        {
            latitudeDegrees = longitudeDegrees = 0;
            return false;
        }

        // The northern answer is in [0, 90); the southern one is 90° lower.
        var south = lat - 90.0;
        latitudeDegrees = Math.Abs(referenceLatitude - south) < Math.Abs(referenceLatitude - lat) ? south : lat;
        var best = lon;
        for (var k = 1; k < 4; k++)
        {
            var candidate = NormaliseLongitude(lon + (90.0 * k));
            if (Math.Abs(LongitudeDifference(candidate, referenceLongitude)) < Math.Abs(LongitudeDifference(best, referenceLongitude)))
            {
                best = candidate;
            }
        }

        longitudeDegrees = best;
        return true;
    }

    /// <summary>Local decode of one frame against a reference position (airborne: 360° grid; surface: 90° grid).</summary>
    public static void DecodeLocal(
        int encodedLat, int encodedLon, CprFormat format, bool surface, double referenceLatitude, double referenceLongitude, out double latitudeDegrees, out double longitudeDegrees)
    {
        var span = surface ? 90.0 : 360.0;
        var i = (int)format;
        var yz = encodedLat / Scale;
        var xz = encodedLon / Scale;
        var dlat = span / ((4 * Nz) - i);
        var j = Math.Floor(referenceLatitude / dlat) + Math.Floor((Mod(referenceLatitude, dlat) / dlat) - yz + 0.5);
        var lat = dlat * (j + yz);
        var ni = Math.Max(NumberOfLongitudeZones(lat) - i, 1);
        var dlon = span / ni;
        var m = Math.Floor(referenceLongitude / dlon) + Math.Floor((Mod(referenceLongitude, dlon) / dlon) - xz + 0.5);
        latitudeDegrees = lat;
        longitudeDegrees = NormaliseLongitude(dlon * (m + xz));
    }

    private static bool TryDecodeGlobal(double span, int evenLat, int evenLon, int oddLat, int oddLon, CprFormat newer, out double latitudeDegrees, out double longitudeDegrees)
    {
        latitudeDegrees = longitudeDegrees = 0;
        double latE = evenLat / Scale, latO = oddLat / Scale, lonE = evenLon / Scale, lonO = oddLon / Scale;
        var dlatEven = span / (4 * Nz);
        var dlatOdd = span / ((4 * Nz) - 1);
        var j = Math.Floor((59 * latE) - (60 * latO) + 0.5);
        var rlatEven = dlatEven * (Mod(j, 60) + latE);
        var rlatOdd = dlatOdd * (Mod(j, 59) + latO);
        if (span > 90.0)
        {
            // Airborne answers in [0, 360) fold to the southern hemisphere.
            rlatEven = rlatEven >= 270.0 ? rlatEven - 360.0 : rlatEven;
            rlatOdd = rlatOdd >= 270.0 ? rlatOdd - 360.0 : rlatOdd;
        }

        if (Math.Abs(rlatEven) > 90.0 || Math.Abs(rlatOdd) > 90.0)
        {
            return false;
        }

        var nl = NumberOfLongitudeZones(rlatEven);
        if (nl != NumberOfLongitudeZones(rlatOdd))
        {
            return false;
        }

        var odd = newer == CprFormat.Odd;
        var ni = Math.Max(nl - (odd ? 1 : 0), 1);
        var m = Math.Floor((lonE * (nl - 1)) - (lonO * nl) + 0.5);
        var lon = (span / ni) * (Mod(m, ni) + (odd ? lonO : lonE));
        latitudeDegrees = odd ? rlatOdd : rlatEven;
        longitudeDegrees = NormaliseLongitude(lon);
        return true;
    }

    private static double Mod(double x, double y) => x - (y * Math.Floor(x / y));

    private static double NormaliseLongitude(double lon)
    {
        lon = Mod(lon + 180.0, 360.0) - 180.0;
        return lon;
    }

    private static double LongitudeDifference(double a, double b) => Mod(a - b + 180.0, 360.0) - 180.0;

    private static double[] BuildTransitions()
    {
        var table = new double[(4 * Nz) - 2];
        var numerator = 1.0 - Math.Cos(Math.PI / (2.0 * Nz));
        for (var k = 0; k < table.Length; k++)
        {
            var nl = (4 * Nz) - 1 - k;
            table[k] = Math.Acos(Math.Sqrt(numerator / (1.0 - Math.Cos(2.0 * Math.PI / nl)))) * (180.0 / Math.PI);
        }

        return table;
    }
}
