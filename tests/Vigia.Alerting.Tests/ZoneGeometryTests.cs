using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Tests;

public sealed class ZoneGeometryTests
{
    private static readonly LocalTangentPlane Frame = new(new GeoPosition(19.08, -102.81, 0));

    private static GeoPosition At(double east, double north) => Frame.ToGeodetic(new EnuVector(east, north, 0));

    private static GeoPoint Vertex(double east, double north)
    {
        var p = At(east, north);
        return new GeoPoint(p.LatitudeDegrees, p.LongitudeDegrees);
    }

    // A 1 km square, 0..1000 m east and north of Frame's origin.
    private static ZoneGeometry Square() =>
        ZoneGeometry.Create(new PolygonShape([Vertex(0, 0), Vertex(1000, 0), Vertex(1000, 1000), Vertex(0, 1000)]));

    [Fact]
    public void Square_AreaContainsAndDistanceAreInMetres()
    {
        var square = Square();
        Assert.Equal(1_000_000, square.AreaSquareMeters, 1_000_000 * 1e-4);
        Assert.True(square.Contains(At(500, 500)));
        Assert.False(square.Contains(At(1100, 500)));
        Assert.Equal(0, square.DistanceMeters(At(500, 500)));
        Assert.Equal(100, square.DistanceMeters(At(1100, 500)), 0.1);
        Assert.Equal(500, square.DistanceMeters(At(500, -500)), 0.1);
    }

    [Fact]
    public void WatchBuffer_GrowsByMetresNotDegrees()
    {
        var buffer = Square().WatchBuffer(200);
        // Square grown by 200 m with rounded corners: 1400² − (4 − π)·200².
        Assert.Equal((1400 * 1400) - ((4 - Math.PI) * 200 * 200), buffer.Area, 1400 * 1400 * 2e-3);
        Assert.Throws<ZoneValidationException>(() => Square().WatchBuffer(-1));
    }

    [Fact]
    public void Circle_IsExact()
    {
        var circle = ZoneGeometry.Create(new CircleShape(Vertex(0, 0), 500));
        Assert.True(circle.Contains(At(0, 499)));
        Assert.False(circle.Contains(At(0, 501)));
        Assert.Equal(300, circle.DistanceMeters(At(800, 0)), 0.05);
        Assert.Equal(Math.PI * (700 * 700), circle.WatchBuffer(200).Area, Math.PI * 700 * 700 * 1e-3);
    }

    [Fact]
    public void TimeToEntry_Square()
    {
        var square = Square();
        // 2 km west, flying east at 10 m/s → edge at x = 0 after 200 s.
        Assert.Equal(200, square.TimeToEntrySeconds(At(-2000, 500), new EnuVector(10, 0, 0), 300)!.Value, 0.5);
        Assert.Null(square.TimeToEntrySeconds(At(-2000, 500), new EnuVector(10, 0, 0), 100));
        Assert.Null(square.TimeToEntrySeconds(At(-2000, 500), new EnuVector(-10, 0, 0), 1000));
        Assert.Null(square.TimeToEntrySeconds(At(-2000, 500), EnuVector.Zero, 1000));
        Assert.Equal(0, square.TimeToEntrySeconds(At(500, 500), new EnuVector(10, 0, 0), 10));
    }

    [Fact]
    public void TimeToEntry_Circle()
    {
        var circle = ZoneGeometry.Create(new CircleShape(Vertex(0, 0), 500));
        Assert.Equal(150, circle.TimeToEntrySeconds(At(0, -2000), new EnuVector(0, 10, 0), 600)!.Value, 0.5);
        Assert.Null(circle.TimeToEntrySeconds(At(600, -2000), new EnuVector(0, 10, 0), 600));
    }

    [Fact]
    public void TimeToEntry_VelocityInAnotherFrameIsRotated()
    {
        var square = Square();
        var trackFrame = new LocalTangentPlane(new GeoPosition(19.2, -102.6, 0));
        var eastInZone = trackFrame.TransformDirectionFrom(square.Plane, new EnuVector(10, 0, 0));
        Assert.Equal(200, square.TimeToEntrySeconds(At(-2000, 500), eastInZone, 300, trackFrame)!.Value, 0.5);
    }

    [Fact]
    public void AltitudeBand_UsesCoreDatums()
    {
        var p = new GeoPosition(19.08, -102.81, 450);
        Assert.True(new AltitudeBand(400, 500, ZoneHeightReference.Ellipsoid).TryContainsHeight(p, null, null, out var inside, out _));
        Assert.True(inside);
        var msl = new AltitudeBand(400, 500, ZoneHeightReference.MeanSeaLevel);
        Assert.False(msl.TryContainsHeight(p, null, null, out _, out var reason));
        Assert.Equal(HeightConversion.NeedsGeoidReason, reason);
        Assert.True(msl.TryContainsHeight(p, new ConstantGeoidModel(-60), null, out inside, out _));
        Assert.False(inside);
        var agl = new AltitudeBand(0, 150, ZoneHeightReference.AboveGround);
        Assert.False(agl.TryContainsHeight(p, null, null, out _, out _));
        Assert.True(agl.TryContainsHeight(p, null, 317, out inside, out _));
        Assert.True(inside);
    }
}
