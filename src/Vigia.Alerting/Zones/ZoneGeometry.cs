using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Zones;

/// <summary>
/// A zone outline projected into a local ENU frame (Core <see cref="LocalTangentPlane"/> at the zone's
/// centroid) as a NetTopologySuite polygon whose coordinates are east/north metres. Every distance and
/// buffer is computed in metres here — never in degrees. Circles are answered exactly; their
/// <see cref="Polygon"/> is a 256-gon for drawing and buffering. Immutable and stateless after
/// construction (no lazily built indexes), so safe to share between threads.
/// </summary>
public sealed partial class ZoneGeometry
{
    private const int CircleQuadrantSegments = 64;

    private const double MinAreaSquareMeters = 1.0;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    private readonly double? _radiusMeters;

    private ZoneGeometry(LocalTangentPlane plane, Polygon polygon, double? radiusMeters)
    {
        Plane = plane;
        Polygon = polygon;
        _radiusMeters = radiusMeters;
    }

    /// <summary>The local frame: origin at the zone's centroid, at height 0 on the ellipsoid.</summary>
    public LocalTangentPlane Plane { get; }

    /// <summary>The outline in ENU metres (x = east, y = north).</summary>
    public Polygon Polygon { get; }

    /// <summary>Area of the outline in square metres.</summary>
    public double AreaSquareMeters => _radiusMeters is { } r ? Math.PI * r * r : Polygon.Area;

    /// <summary>Whether the position lies inside the outline or on its edge (horizontal only).</summary>
    public bool Contains(GeoPosition position)
    {
        var p = ToPlane(position);
        return _radiusMeters is { } r
            ? Math.Sqrt((p.X * p.X) + (p.Y * p.Y)) <= r
            : SimplePointInAreaLocator.Locate(p, Polygon) != Location.Exterior;
    }

    /// <summary>Horizontal distance in metres from the position to the outline; 0 inside.</summary>
    public double DistanceMeters(GeoPosition position)
    {
        var p = ToPlane(position);
        return DistanceMeters(p.X, p.Y);
    }

    /// <summary>Horizontal distance in metres from a point on this zone's plane (east, north) to the outline; 0 inside.</summary>
    public double DistanceMeters(double eastMeters, double northMeters)
    {
        if (_radiusMeters is { } r)
        {
            return Math.Max(0, Math.Sqrt((eastMeters * eastMeters) + (northMeters * northMeters)) - r);
        }

        var p = new Coordinate(eastMeters, northMeters);
        return SimplePointInAreaLocator.Locate(p, Polygon) != Location.Exterior ? 0 : Polygon.ExteriorRing.Distance(Factory.CreatePoint(p));
    }

    /// <summary>The outline grown by <paramref name="bufferMeters"/> (NTS buffer in ENU metres).</summary>
    public Geometry WatchBuffer(double bufferMeters)
    {
        if (!(bufferMeters >= 0 && bufferMeters <= ProtectedZone.MaxBufferMeters))
        {
            throw new ZoneValidationException("buffer_m", $"must be within [0, {ProtectedZone.MaxBufferMeters}] metres, got {bufferMeters}");
        }

        return _radiusMeters is { } r
            ? Factory.CreatePoint(new Coordinate(0, 0)).Buffer(r + bufferMeters, CircleQuadrantSegments)
            : Polygon.Buffer(bufferMeters);
    }

    /// <summary>Projects a position onto the zone's plane (east, north in metres).</summary>
    public Coordinate ToPlane(GeoPosition position)
    {
        var enu = Plane.ToEnu(position);
        return new Coordinate(enu.EastMeters, enu.NorthMeters);
    }
}
