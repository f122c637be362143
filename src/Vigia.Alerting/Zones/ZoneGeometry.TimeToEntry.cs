using NetTopologySuite.Geometries;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Zones;

/// <summary>Predicted entry along a straight-line velocity.</summary>
public sealed partial class ZoneGeometry
{
    /// <summary>
    /// The first time t ≥ 0 (seconds) within <paramref name="horizonSeconds"/> at which a position moving
    /// from <paramref name="position"/> at constant horizontal <paramref name="velocity"/> is inside the
    /// outline; 0 if it is inside now; null if it does not enter within the horizon. The velocity is in
    /// <paramref name="velocityFrame"/> (a track's own ENU frame), or in this zone's frame when that is null.
    /// </summary>
    public double? TimeToEntrySeconds(GeoPosition position, EnuVector velocity, double horizonSeconds, LocalTangentPlane? velocityFrame = null)
    {
        if (!(horizonSeconds >= 0) || !double.IsFinite(horizonSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(horizonSeconds), horizonSeconds, "horizon must be a finite number of seconds ≥ 0");
        }

        if (!velocity.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(velocity), velocity, "velocity must be finite");
        }

        if (Contains(position))
        {
            return 0;
        }

        var v = velocityFrame is null ? velocity : Plane.TransformDirectionFrom(velocityFrame, velocity);
        var speedSquared = (v.EastMeters * v.EastMeters) + (v.NorthMeters * v.NorthMeters);
        if (speedSquared == 0)
        {
            return null;
        }

        var p = ToPlane(position);
        var t = _radiusMeters is { } r ? CircleEntry(p, v, speedSquared, r) : PolygonEntry(p, v, speedSquared, horizonSeconds);
        return t is { } found && found <= horizonSeconds ? found : null;
    }

    private static double? CircleEntry(Coordinate p, EnuVector v, double speedSquared, double radius)
    {
        // |p + v t|² = r²  →  a t² + b t + c = 0 with c > 0 (outside now); the smaller root is the entry.
        var b = 2 * ((p.X * v.EastMeters) + (p.Y * v.NorthMeters));
        var c = (p.X * p.X) + (p.Y * p.Y) - (radius * radius);
        var discriminant = (b * b) - (4 * speedSquared * c);
        if (discriminant < 0)
        {
            return null;
        }

        var entry = (-b - Math.Sqrt(discriminant)) / (2 * speedSquared);
        return entry >= 0 ? entry : null;
    }

    private double? PolygonEntry(Coordinate p, EnuVector v, double speedSquared, double horizonSeconds)
    {
        var end = new Coordinate(p.X + (v.EastMeters * horizonSeconds), p.Y + (v.NorthMeters * horizonSeconds));
        var path = Factory.CreateLineString([p, end]);
        var crossing = path.Intersection(Polygon);
        if (crossing.IsEmpty)
        {
            return null;
        }

        var earliest = double.PositiveInfinity;
        foreach (var c in crossing.Coordinates)
        {
            var t = (((c.X - p.X) * v.EastMeters) + ((c.Y - p.Y) * v.NorthMeters)) / speedSquared;
            earliest = Math.Min(earliest, Math.Max(0, t));
        }

        return earliest;
    }
}
