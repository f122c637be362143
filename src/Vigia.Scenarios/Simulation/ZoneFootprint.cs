using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// A zone's outline in the scenario's ENU frame (east, north metres), for planning flights: inside or not,
/// horizontal distance to the outline, a centre and a reach. Vertices are projected at the origin's height;
/// a circle keeps its exact radius. Good to well under a metre over the few kilometres of a scenario.
/// </summary>
/// <remarks>Immutable; safe to share.</remarks>
internal sealed class ZoneFootprint
{
    private readonly (double X, double Y)[] _ring;
    private readonly double? _radius;

    public ZoneFootprint(ScenarioZone zone, LocalTangentPlane plane)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(plane);
        Zone = zone;
        var h = plane.Origin.HeightAboveEllipsoidMeters;
        if (zone.Circle is { } c)
        {
            var centre = plane.ToEnu(new GeoPosition(c.LatitudeDegrees, c.LongitudeDegrees, h));
            (CentreX, CentreY) = (centre.EastMeters, centre.NorthMeters);
            _radius = c.RadiusMeters;
            _ring = [];
            ReachMeters = c.RadiusMeters;
            return;
        }

        _ring = [.. zone.Polygon!.Select(p =>
        {
            var v = plane.ToEnu(new GeoPosition(p.LatitudeDegrees, p.LongitudeDegrees, h));
            return (v.EastMeters, v.NorthMeters);
        })];
        CentreX = _ring.Average(p => p.X);
        CentreY = _ring.Average(p => p.Y);
        ReachMeters = _ring.Max(p => Math.Sqrt(((p.X - CentreX) * (p.X - CentreX)) + ((p.Y - CentreY) * (p.Y - CentreY))));
    }

    /// <summary>The zone as the file gives it.</summary>
    public ScenarioZone Zone { get; }

    /// <summary>Centre east, m: the circle's centre, or the mean of the polygon's vertices.</summary>
    public double CentreX { get; }

    /// <summary>Centre north, m.</summary>
    public double CentreY { get; }

    /// <summary>Farthest outline point from the centre, m.</summary>
    public double ReachMeters { get; }

    /// <summary>The watch buffer's width, m.</summary>
    public double BufferMeters => Zone.BufferMeters;

    /// <summary>Whether (x, y) lies inside the outline (edge included).</summary>
    public bool Contains(double x, double y) => DistanceMeters(x, y) == 0;

    /// <summary>Horizontal distance from (x, y) to the outline, m; 0 inside.</summary>
    public double DistanceMeters(double x, double y)
    {
        if (_radius is { } r)
        {
            return Math.Max(0, Math.Sqrt(((x - CentreX) * (x - CentreX)) + ((y - CentreY) * (y - CentreY))) - r);
        }

        var inside = false;
        var nearest = double.PositiveInfinity;
        for (int i = 0, j = _ring.Length - 1; i < _ring.Length; j = i++)
        {
            var (ax, ay) = _ring[j];
            var (bx, by) = _ring[i];
            if ((by > y) != (ay > y) && x < ((ax - bx) * (y - by) / (ay - by)) + bx)
            {
                inside = !inside;
            }

            nearest = Math.Min(nearest, SegmentDistance(x, y, ax, ay, bx, by));
        }

        return inside ? 0 : nearest;
    }

    /// <summary>
    /// The smallest distance to the outline along the segment from (x0, y0) to (x1, y1), sampled every
    /// <paramref name="stepMeters"/>; 0 if the segment crosses the zone.
    /// </summary>
    public double SegmentClearanceMeters(double x0, double y0, double x1, double y1, double stepMeters = 10)
    {
        var length = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0)));
        var steps = Math.Max(1, (int)Math.Ceiling(length / stepMeters));
        var nearest = double.PositiveInfinity;
        for (var k = 0; k <= steps; k++)
        {
            var f = (double)k / steps;
            nearest = Math.Min(nearest, DistanceMeters(x0 + (f * (x1 - x0)), y0 + (f * (y1 - y0))));
            if (nearest == 0)
            {
                break;
            }
        }

        return nearest;
    }

    /// <summary>
    /// A random point well inside the outline: within half the radius of a circle, or a point of the polygon
    /// at least a fifth of the reach from its edge when one is found (else any inside point, else the centre).
    /// </summary>
    public (double X, double Y) InteriorPoint(Xoshiro256StarStar random)
    {
        if (_radius is { } r)
        {
            var d = 0.5 * r * Math.Sqrt(random.NextDouble());
            var a = random.Uniform(0, 2 * Math.PI);
            return (CentreX + (d * Math.Sin(a)), CentreY + (d * Math.Cos(a)));
        }

        var (minX, maxX) = (_ring.Min(p => p.X), _ring.Max(p => p.X));
        var (minY, maxY) = (_ring.Min(p => p.Y), _ring.Max(p => p.Y));
        (double X, double Y)? anyInside = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var x = random.Uniform(minX, maxX);
            var y = random.Uniform(minY, maxY);
            if (!Contains(x, y))
            {
                continue;
            }

            anyInside ??= (x, y);
            if (EdgeDistance(x, y) >= 0.2 * ReachMeters)
            {
                return (x, y);
            }
        }

        return anyInside ?? (CentreX, CentreY);
    }

    private double EdgeDistance(double x, double y)
    {
        var nearest = double.PositiveInfinity;
        for (int i = 0, j = _ring.Length - 1; i < _ring.Length; j = i++)
        {
            nearest = Math.Min(nearest, SegmentDistance(x, y, _ring[j].X, _ring[j].Y, _ring[i].X, _ring[i].Y));
        }

        return nearest;
    }

    private static double SegmentDistance(double x, double y, double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / lengthSquared, 0, 1);
        var (px, py) = (ax + (t * dx) - x, ay + (t * dy) - y);
        return Math.Sqrt((px * px) + (py * py));
    }
}
