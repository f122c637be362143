using Vigia.Core.Geodesy;

namespace Vigia.Core.Tests.Geodesy;

public sealed class HeightConversionTests
{
    private static ConstantGeoidModel SiteGeoid => new(47.25);

    [Fact]
    public void TryToEllipsoidal_EllipsoidalAltitude_ReturnsItUnchangedWithoutAGeoid()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, Altitude.AboveEllipsoid(123.4), null, out var h, out var reason);

        Assert.True(ok);
        Assert.Equal(123.4, h);
        Assert.Null(reason);
    }

    [Fact]
    public void TryToEllipsoidal_EllipsoidalAltitudeWithGeoid_IgnoresTheGeoid()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, Altitude.AboveEllipsoid(123.4), SiteGeoid, out var h, out _);

        Assert.True(ok);
        Assert.Equal(123.4, h);
    }

    [Fact]
    public void TryToEllipsoidal_MeanSeaLevelWithGeoid_AddsTheUndulation()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, Altitude.AboveMeanSeaLevel(100.0), SiteGeoid, out var h, out var reason);

        Assert.True(ok);
        Assert.Equal(147.25, h, 1e-12);
        Assert.Null(reason);
    }

    [Fact]
    public void TryToEllipsoidal_MeanSeaLevelWithNegativeUndulation_LowersTheHeight()
    {
        // Over the Indian Ocean the geoid lies about 100 m below the ellipsoid.
        var ok = HeightConversion.TryToEllipsoidal(5.0, 78.0, Altitude.AboveMeanSeaLevel(10.0), new ConstantGeoidModel(-100.0), out var h, out _);

        Assert.True(ok);
        Assert.Equal(-90.0, h, 1e-12);
    }

    [Fact]
    public void TryToEllipsoidal_MeanSeaLevelWithoutGeoid_FailsWithReason()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, Altitude.AboveMeanSeaLevel(100.0), null, out var h, out var reason);

        Assert.False(ok);
        Assert.True(double.IsNaN(h));
        Assert.Equal("mean-sea-level altitude needs a geoid model", reason);
    }

    [Fact]
    public void TryToEllipsoidal_Barometric_FailsWithReasonEvenWithAGeoid()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, Altitude.Barometric(300.0), SiteGeoid, out var h, out var reason);

        Assert.False(ok);
        Assert.True(double.IsNaN(h));
        Assert.Equal("barometric altitude is pressure altitude, not a geometric height; keep it in its own field", reason);
    }

    [Theory]
    [InlineData(VerticalDatum.Wgs84Ellipsoid)]
    [InlineData(VerticalDatum.MeanSeaLevel)]
    public void TryToEllipsoidal_NonFiniteAltitude_Fails(VerticalDatum datum)
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, new Altitude(double.NaN, datum), SiteGeoid, out _, out var reason);

        Assert.False(ok);
        Assert.NotNull(reason);
    }

    [Fact]
    public void TryToEllipsoidal_GeoidWithNoValueThere_Fails()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, Altitude.AboveMeanSeaLevel(100.0), new NoDataGeoid(), out _, out var reason);

        Assert.False(ok);
        Assert.NotNull(reason);
    }

    [Fact]
    public void TryToEllipsoidal_MeanSeaLevelAtInvalidLatitude_FailsWithoutAskingTheGeoid()
    {
        var geoid = new NoDataGeoid();

        var ok = HeightConversion.TryToEllipsoidal(95.0, 13.4, Altitude.AboveMeanSeaLevel(100.0), geoid, out _, out var reason);

        Assert.False(ok);
        Assert.NotNull(reason);
        Assert.Equal(0, geoid.Calls);
    }

    [Fact]
    public void TryToEllipsoidal_UnknownDatum_Fails()
    {
        var ok = HeightConversion.TryToEllipsoidal(52.5, 13.4, new Altitude(10.0, (VerticalDatum)99), SiteGeoid, out _, out var reason);

        Assert.False(ok);
        Assert.NotNull(reason);
    }

    [Fact]
    public void TryToGeoPosition_MeanSeaLevelWithGeoid_BuildsEllipsoidalPosition()
    {
        var ok = HeightConversion.TryToGeoPosition(52.5, 13.4, Altitude.AboveMeanSeaLevel(34.0), SiteGeoid, out var position, out var reason);

        Assert.True(ok);
        Assert.Null(reason);
        Assert.Equal(new GeoPosition(52.5, 13.4, 81.25), position);
    }

    [Fact]
    public void TryToGeoPosition_Barometric_FailsWithDefaultPosition()
    {
        var ok = HeightConversion.TryToGeoPosition(52.5, 13.4, Altitude.Barometric(34.0), SiteGeoid, out var position, out var reason);

        Assert.False(ok);
        Assert.Equal(HeightConversion.BarometricReason, reason);
        Assert.Equal(default, position);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-89.0, 179.0)]
    public void ConstantGeoidModel_AnyPlace_ReturnsTheSiteUndulation(double lat, double lon)
    {
        Assert.Equal(47.25, SiteGeoid.GeoidUndulationMeters(lat, lon));
    }

    [Fact]
    public void ConstantGeoidModel_NonFiniteUndulation_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantGeoidModel(double.NaN));
    }

    [Fact]
    public void AltitudeFactories_SetTheirDatums()
    {
        Assert.Equal(new Altitude(1.0, VerticalDatum.Wgs84Ellipsoid), Altitude.AboveEllipsoid(1.0));
        Assert.Equal(new Altitude(2.0, VerticalDatum.MeanSeaLevel), Altitude.AboveMeanSeaLevel(2.0));
        Assert.Equal(new Altitude(3.0, VerticalDatum.Barometric), Altitude.Barometric(3.0));
    }

    private sealed class NoDataGeoid : IGeoidModel
    {
        public int Calls { get; private set; }

        public double GeoidUndulationMeters(double latitudeDegrees, double longitudeDegrees)
        {
            Calls++;
            return double.NaN;
        }
    }
}
