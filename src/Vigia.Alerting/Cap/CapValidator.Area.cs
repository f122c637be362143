using System.Globalization;
using System.Xml.Linq;

namespace Vigia.Alerting.Cap;

/// <summary>The CAP 1.2 rules for <c>area</c>: polygon, circle, altitude and ceiling (§3.2.4).</summary>
public static partial class CapValidator
{
    /// <summary>Edge-crossing checks are quadratic: polygons with more points than this are not checked for it.</summary>
    public const int MaxPolygonPointsCheckedForCrossing = 4000;

    private static void CheckArea(XElement area, List<CapValidationError> issues)
    {
        foreach (var polygon in area.Elements(Cap + "polygon"))
        {
            CheckPolygon(polygon, issues);
        }

        foreach (var circle in area.Elements(Cap + "circle"))
        {
            CheckCircle(circle, issues);
        }

        var altitude = area.Element(Cap + "altitude");
        if (area.Element(Cap + "ceiling") is { } ceiling)
        {
            if (altitude is null)
            {
                issues.Add(Issue(CapErrorCode.Ceiling, ceiling, "ceiling is only allowed together with altitude"));
            }
            else if (decimal.TryParse(altitude.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
                && decimal.TryParse(ceiling.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
                && high <= low)
            {
                issues.Add(Issue(CapErrorCode.Ceiling, ceiling, $"ceiling {ceiling.Value} is not above altitude {altitude.Value}"));
            }
        }
    }

    private static void CheckPolygon(XElement polygon, List<CapValidationError> issues)
    {
        var pairs = polygon.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var points = new List<(double Lat, double Lon)>(pairs.Length);
        foreach (var pair in pairs)
        {
            if (!TryPoint(pair, out var point, out var reason))
            {
                issues.Add(Issue(CapErrorCode.BadCoordinate, polygon, $"polygon point {points.Count + 1}: {reason}"));
                return;
            }

            points.Add(point);
        }

        if (points.Count < 4)
        {
            issues.Add(Issue(CapErrorCode.PolygonTooFewPoints, polygon, $"a polygon needs at least 4 points (first = last); it has {points.Count}"));
            return;
        }

        if (points[0] != points[^1])
        {
            issues.Add(Issue(CapErrorCode.PolygonNotClosed, polygon, $"the first point {pairs[0]} is not the last {pairs[^1]}"));
            return;
        }

        if (points.Count <= MaxPolygonPointsCheckedForCrossing && FirstCrossing(points) is { } crossing)
        {
            issues.Add(Issue(CapErrorCode.PolygonSelfIntersecting, polygon, $"edge {crossing.A + 1} crosses edge {crossing.B + 1}"));
        }
    }

    private static void CheckCircle(XElement circle, List<CapValidationError> issues)
    {
        var parts = circle.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            issues.Add(Issue(CapErrorCode.CircleMalformed, circle, $"'{circle.Value}' is not 'lat,lon radius'"));
            return;
        }

        if (!TryPoint(parts[0], out _, out var reason))
        {
            issues.Add(Issue(CapErrorCode.BadCoordinate, circle, $"circle centre: {reason}"));
        }

        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || !double.IsFinite(radius))
        {
            issues.Add(Issue(CapErrorCode.CircleMalformed, circle, $"radius '{parts[1]}' is not a number of kilometres"));
        }
        else if (radius < 0)
        {
            issues.Add(Issue(CapErrorCode.CircleMalformed, circle, $"radius {parts[1]} km is negative"));
        }
    }

    private static bool TryPoint(string pair, out (double Lat, double Lon) point, out string? reason)
    {
        point = default;
        var parts = pair.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            reason = $"'{pair}' is not lat,lon";
            return false;
        }

        if (!(Math.Abs(lat) <= 90) || !(Math.Abs(lon) <= 180))
        {
            reason = $"'{pair}' is outside WGS 84 ranges (latitude ±90, longitude ±180)";
            return false;
        }

        point = (lat, lon);
        reason = null;
        return true;
    }

    /// <summary>
    /// The first pair of edges that touch or cross, other than neighbours meeting at their shared vertex;
    /// null for a simple ring. Planar in degrees, which is exact enough for the small areas CAP warns.
    /// Repeated consecutive points (zero-length edges) are skipped.
    /// </summary>
    private static (int A, int B)? FirstCrossing(List<(double Lat, double Lon)> ring)
    {
        var edges = new List<(int Index, (double Lat, double Lon) P, (double Lat, double Lon) Q)>();
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            if (ring[i] != ring[i + 1])
            {
                edges.Add((i, ring[i], ring[i + 1]));
            }
        }

        for (var a = 0; a < edges.Count; a++)
        {
            for (var b = a + 1; b < edges.Count; b++)
            {
                var adjacent = b == a + 1 || (a == 0 && b == edges.Count - 1);
                if (adjacent ? Overlap(edges[a], edges[b]) : Intersect(edges[a].P, edges[a].Q, edges[b].P, edges[b].Q))
                {
                    return (edges[a].Index, edges[b].Index);
                }
            }
        }

        return null;
    }

    /// <summary>Neighbouring edges share one vertex; they are bad only if they fold back over each other.</summary>
    private static bool Overlap(
        (int Index, (double Lat, double Lon) P, (double Lat, double Lon) Q) first,
        (int Index, (double Lat, double Lon) P, (double Lat, double Lon) Q) second)
    {
        var (shared, a, b) = first.Q == second.P ? (first.Q, first.P, second.Q) : (first.P, first.Q, second.P);
        return Cross(shared, a, b) == 0 && Dot(shared, a, b) > 0;
    }

    private static bool Intersect((double Lat, double Lon) p1, (double Lat, double Lon) p2, (double Lat, double Lon) p3, (double Lat, double Lon) p4)
    {
        var d1 = Math.Sign(Cross(p3, p4, p1));
        var d2 = Math.Sign(Cross(p3, p4, p2));
        var d3 = Math.Sign(Cross(p1, p2, p3));
        var d4 = Math.Sign(Cross(p1, p2, p4));
        if (d1 * d2 < 0 && d3 * d4 < 0)
        {
            return true;
        }

        return (d1 == 0 && OnSegment(p3, p4, p1)) || (d2 == 0 && OnSegment(p3, p4, p2))
            || (d3 == 0 && OnSegment(p1, p2, p3)) || (d4 == 0 && OnSegment(p1, p2, p4));
    }

    private static double Cross((double Lat, double Lon) o, (double Lat, double Lon) a, (double Lat, double Lon) b) =>
        ((a.Lon - o.Lon) * (b.Lat - o.Lat)) - ((a.Lat - o.Lat) * (b.Lon - o.Lon));

    private static double Dot((double Lat, double Lon) o, (double Lat, double Lon) a, (double Lat, double Lon) b) =>
        ((a.Lon - o.Lon) * (b.Lon - o.Lon)) + ((a.Lat - o.Lat) * (b.Lat - o.Lat));

    private static bool OnSegment((double Lat, double Lon) p, (double Lat, double Lon) q, (double Lat, double Lon) r) =>
        r.Lat >= Math.Min(p.Lat, q.Lat) && r.Lat <= Math.Max(p.Lat, q.Lat) && r.Lon >= Math.Min(p.Lon, q.Lon) && r.Lon <= Math.Max(p.Lon, q.Lon);
}
