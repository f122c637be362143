using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Zones;

/// <summary>Projection and validation of an outline.</summary>
public sealed partial class ZoneGeometry
{
    /// <summary>Validates and projects an outline; throws <see cref="ZoneValidationException"/> naming the field.</summary>
    public static ZoneGeometry Create(ZoneShape shape) => shape switch
    {
        CircleShape circle => CreateCircle(circle),
        PolygonShape polygon => CreatePolygon(polygon),
        _ => throw new ZoneValidationException("geometry", "a polygon or circle is required"),
    };

    private static ZoneGeometry CreateCircle(CircleShape circle)
    {
        circle.Centre.Validate("centre");
        if (!(circle.RadiusMeters > 0))
        {
            throw new ZoneValidationException("radius_m", $"must be greater than 0 metres, got {circle.RadiusMeters}");
        }

        if (!(circle.RadiusMeters <= CircleShape.MaxRadiusMeters))
        {
            throw new ZoneValidationException("radius_m", $"{circle.RadiusMeters} m is absurd (more than {CircleShape.MaxRadiusMeters} m)");
        }

        var plane = new LocalTangentPlane(new GeoPosition(circle.Centre.LatitudeDegrees, circle.Centre.LongitudeDegrees, 0));
        var polygon = (Polygon)Factory.CreatePoint(new Coordinate(0, 0)).Buffer(circle.RadiusMeters, CircleQuadrantSegments);
        return new ZoneGeometry(plane, polygon, circle.RadiusMeters);
    }

    private static ZoneGeometry CreatePolygon(PolygonShape shape)
    {
        if (shape.Ring is null)
        {
            throw new ZoneValidationException("polygon", "a ring of points is required");
        }

        var ring = new List<GeoPoint>(shape.Ring.Count);
        for (var i = 0; i < shape.Ring.Count; i++)
        {
            shape.Ring[i].Validate($"polygon[{i}]");
            if (ring.Count == 0 || ring[^1] != shape.Ring[i])
            {
                ring.Add(shape.Ring[i]);
            }
        }

        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1);
        }

        if (ring.Distinct().Count() < 3)
        {
            throw new ZoneValidationException("polygon", $"needs at least 3 distinct points, got {ring.Distinct().Count()}");
        }

        // Provisional frame at the vertex mean, then the final frame at the projected polygon's centroid.
        var provisional = new LocalTangentPlane(new GeoPosition(ring.Average(p => p.LatitudeDegrees), ring.Average(p => p.LongitudeDegrees), 0));
        var first = Project(provisional, ring);
        if (!(first.ConvexHull().Area >= MinAreaSquareMeters))
        {
            throw new ZoneValidationException("polygon", $"has zero area (under {MinAreaSquareMeters} m²: points on one line)");
        }

        var validation = new IsValidOp(first).ValidationError;
        if (validation is not null)
        {
            throw new ZoneValidationException("polygon", $"is not a valid polygon: {validation.Message} near ({validation.Coordinate.X:F1} m E, {validation.Coordinate.Y:F1} m N of the zone's vertex mean)");
        }

        if (!(first.Area >= MinAreaSquareMeters))
        {
            throw new ZoneValidationException("polygon", $"has zero area (under {MinAreaSquareMeters} m²)");
        }

        var centroid = first.Centroid.Coordinate;
        var origin = provisional.ToGeodetic(new EnuVector(centroid.X, centroid.Y, 0));
        var plane = new LocalTangentPlane(origin with { HeightAboveEllipsoidMeters = 0 });
        return new ZoneGeometry(plane, Project(plane, ring), null);
    }

    private static Polygon Project(LocalTangentPlane plane, List<GeoPoint> ring)
    {
        var coordinates = new Coordinate[ring.Count + 1];
        for (var i = 0; i < ring.Count; i++)
        {
            var enu = plane.ToEnu(new GeoPosition(ring[i].LatitudeDegrees, ring[i].LongitudeDegrees, 0));
            coordinates[i] = new Coordinate(enu.EastMeters, enu.NorthMeters);
        }

        coordinates[^1] = coordinates[0].Copy();
        return Factory.CreatePolygon(coordinates);
    }
}
