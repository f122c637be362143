using Vigia.Alerting.Zones;

namespace Vigia.Alerting.Tests;

public sealed class ZoneValidationTests
{
    private static readonly AltitudeBand Band = new(0, 120, ZoneHeightReference.AboveGround);

    private static ZoneValidationException Refused(ZoneShape shape) =>
        Assert.Throws<ZoneValidationException>(() => new ProtectedZone("z", "Z", ZoneKind.School, shape, Band));

    [Fact]
    public void SelfIntersectingPolygon_IsRefusedWithNtsReason()
    {
        var bowtie = new PolygonShape([new(19.0, -102.0), new(19.01, -101.99), new(19.0, -101.99), new(19.01, -102.0)]);
        var e = Refused(bowtie);
        Assert.Equal("polygon", e.Field);
        Assert.Contains("Self-intersection", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThanThreeDistinctPoints_IsRefused()
    {
        var e = Refused(new PolygonShape([new(19.0, -102.0), new(19.01, -102.0), new(19.0, -102.0), new(19.01, -102.0)]));
        Assert.Equal("polygon", e.Field);
        Assert.Contains("3 distinct", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CollinearPolygon_HasZeroArea()
    {
        var e = Refused(new PolygonShape([new(19.0, -102.0), new(19.01, -102.0), new(19.02, -102.0)]));
        Assert.Contains("zero area", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100_001)]
    [InlineData(double.NaN)]
    public void BadRadius_IsRefused(double radius) =>
        Assert.Equal("radius_m", Refused(new CircleShape(new(19.0, -102.0), radius)).Field);

    [Theory]
    [InlineData(91, 0, "centre")]
    [InlineData(0, 181, "centre")]
    public void OutOfRangeCentre_IsRefused(double lat, double lon, string field) =>
        Assert.Equal(field, Refused(new CircleShape(new(lat, lon), 100)).Field);

    [Fact]
    public void OutOfRangeVertex_NamesTheVertex() =>
        Assert.Equal("polygon[1]", Refused(new PolygonShape([new(19.0, -102.0), new(-95, -102.0), new(19.0, -101.9)])).Field);

    [Theory]
    [InlineData(100, 100, "floor_m")]
    [InlineData(150, 100, "floor_m")]
    [InlineData(double.NaN, 100, "floor_m")]
    [InlineData(0, double.PositiveInfinity, "ceiling_m")]
    public void BadBand_IsRefused(double floor, double ceiling, string field) =>
        Assert.Equal(field, Assert.Throws<ZoneValidationException>(() => new AltitudeBand(floor, ceiling, ZoneHeightReference.Ellipsoid)).Field);

    [Fact]
    public void EmptyIdAndBadBuffer_AreRefused()
    {
        var circle = new CircleShape(new(19.0, -102.0), 100);
        Assert.Equal("id", Assert.Throws<ZoneValidationException>(() => new ProtectedZone(" ", "Z", ZoneKind.Other, circle, Band)).Field);
        Assert.Equal("buffer_m", Assert.Throws<ZoneValidationException>(() => new ProtectedZone("z", "Z", ZoneKind.Other, circle, Band, -1)).Field);
    }
}
