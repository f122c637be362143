using Vigia.Core.Geodesy;

namespace Vigia.Core.Tests.Geodesy;

public sealed class Wgs84Tests
{
    private const double OneMillimetre = 1e-3;
    private const double AngleToleranceDegrees = 1e-9;

    public static TheoryData<string> PublishedNames => PublishedGeodeticVectors.Names;

    [Fact]
    public void DerivedConstants_MatchNimaTr8350Table33()
    {
        // NIMA TR8350.2 (3rd ed., 2000), table 3.3 "WGS 84 ellipsoid derived geometric constants":
        // b = 6356752.3142 m, e² = 6.69437999014e-3, e'² = 6.73949674228e-3; tolerances are half a
        // unit in the last published digit.
        Assert.Equal(6356752.3142, Wgs84.SemiMinorAxisMeters, 0.00005);
        Assert.Equal(6.69437999014e-3, Wgs84.EccentricitySquared, 5e-15);
        Assert.Equal(6.73949674228e-3, Wgs84.SecondEccentricitySquared, 5e-15);
    }

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void ToEcef_PublishedPoint_MatchesToWithinOneMillimetre(string name)
    {
        var (geodetic, ecef) = PublishedGeodeticVectors.ByName[name];

        var actual = Wgs84.ToEcef(geodetic);

        Assert.True(GeodeticError.Meters(ecef, actual) < OneMillimetre, $"{name}: got {actual}, published {ecef}");
    }

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void ToGeodetic_PublishedPoint_MatchesToWithinOneMillimetre(string name)
    {
        var (geodetic, ecef) = PublishedGeodeticVectors.ByName[name];

        var actual = Wgs84.ToGeodetic(ecef);

        // The published ECEF values are rounded (to 0.5 mm per axis at worst), so this also bounds
        // our error plus that rounding.
        Assert.True(GeodeticError.Meters(geodetic, actual) < OneMillimetre, $"{name}: got {actual}, published {geodetic}");
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 6378137.0, 0.0, 0.0)]
    [InlineData(0.0, 90.0, 100.0, 0.0, 6378237.0, 0.0)]
    [InlineData(0.0, 180.0, -100.0, -6378037.0, 0.0, 0.0)]
    [InlineData(90.0, 0.0, 0.0, 0.0, 0.0, 6356752.314245179)]
    [InlineData(-90.0, 123.0, 1000.0, 0.0, 0.0, -6357752.314245179)]
    public void ToEcef_AxisPoints_LieOnTheAxesAtSemiAxisPlusHeight(double lat, double lon, double h, double x, double y, double z)
    {
        var actual = Wgs84.ToEcef(new GeoPosition(lat, lon, h));

        Assert.True(GeodeticError.Meters(new EcefPosition(x, y, z), actual) < 1e-6, actual.ToString());
    }

    [Theory]
    [InlineData(90.0, 0.0, 0.0)]
    [InlineData(-90.0, 0.0, 1_000_000.0)]
    [InlineData(90.0, 0.0, -100.0)]
    [InlineData(89.99999999, 45.0, 10.0)]
    [InlineData(-89.9999, -170.0, 500_000.0)]
    [InlineData(0.0, 0.0, -100.0)]
    [InlineData(0.0, 180.0, 1_000_000.0)]
    [InlineData(0.0, -180.0, 0.0)]
    [InlineData(1e-9, 77.0, 25.0)]
    [InlineData(45.0, 45.0, 1_000_000.0)]
    [InlineData(-33.9, 151.2, -100.0)]
    [InlineData(60.0, -179.9999999, 10_000_000.0)]
    public void ToGeodetic_EdgePoint_RoundTripsToWithinOneMillimetre(double lat, double lon, double h)
    {
        var original = new GeoPosition(lat, lon, h);

        var back = Wgs84.ToGeodetic(Wgs84.ToEcef(original));

        Assert.True(GeodeticError.Meters(original, back) < OneMillimetre, $"{original} came back as {back}");
        Assert.Equal(lat, back.LatitudeDegrees, AngleToleranceDegrees);
        Assert.Equal(h, back.HeightAboveEllipsoidMeters, OneMillimetre);
    }

    [Fact]
    public void ToGeodetic_RandomPointsIncludingPolesAndDateLine_RoundTripToWithinOneMillimetreAndOneNanodegree()
    {
        var random = new Random(20240601);
        double[] specialLatitudes = [90.0, -90.0, 0.0, 89.999999, -89.999999];
        double[] specialLongitudes = [180.0, -180.0, 0.0, 179.9999999, -179.9999999];
        var worstMeters = 0.0;
        for (var i = 0; i < 20_000; i++)
        {
            var lat = i % 10 == 0 ? specialLatitudes[i / 10 % specialLatitudes.Length] : (random.NextDouble() * 180.0) - 90.0;
            var lon = i % 7 == 0 ? specialLongitudes[i / 7 % specialLongitudes.Length] : (random.NextDouble() * 360.0) - 180.0;
            var h = i % 11 == 0 ? -100.0 : -100.0 + (random.NextDouble() * 1_000_100.0);
            var original = new GeoPosition(lat, lon, h);

            var back = Wgs84.ToGeodetic(Wgs84.ToEcef(original));

            var meters = GeodeticError.Meters(original, back);
            worstMeters = Math.Max(worstMeters, meters);
            Assert.True(meters < OneMillimetre, $"{original} came back as {back} ({meters} m)");
            Assert.True(Math.Abs(back.LatitudeDegrees - lat) < AngleToleranceDegrees, $"{original} came back as {back}");
            if (Math.Abs(lat) < 90.0)
            {
                // On the polar axis the longitude is undefined; everywhere else it must survive.
                var dLon = GeodeticError.LongitudeDifferenceDegrees(lon, back.LongitudeDegrees);
                Assert.True(Math.Abs(dLon) < AngleToleranceDegrees, $"{original} came back as {back}");
            }
        }

        // Rounding only: the closed form has no truncation error.
        Assert.True(worstMeters < 1e-6, $"worst round-trip error {worstMeters} m");
    }

    [Fact]
    public void ToGeodetic_PointOnPolarAxis_ReturnsPoleWithZeroLongitude()
    {
        var back = Wgs84.ToGeodetic(new EcefPosition(0, 0, -(Wgs84.SemiMinorAxisMeters + 250.0)));

        Assert.Equal(-90.0, back.LatitudeDegrees, 1e-12);
        Assert.Equal(0.0, back.LongitudeDegrees);
        Assert.Equal(250.0, back.HeightAboveEllipsoidMeters, 1e-6);
    }

    [Fact]
    public void ToGeodetic_NegativeXOnEquator_ReturnsLongitude180()
    {
        var back = Wgs84.ToGeodetic(new EcefPosition(-(Wgs84.SemiMajorAxisMeters + 5.0), 0, 0));

        Assert.Equal(180.0, Math.Abs(back.LongitudeDegrees), 1e-12);
        Assert.Equal(0.0, back.LatitudeDegrees, 1e-12);
        Assert.Equal(5.0, back.HeightAboveEllipsoidMeters, 1e-6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(45.0)]
    [InlineData(90.0)]
    public void RadiiOfCurvature_MatchTheirClosedForms(double latitudeDegrees)
    {
        // At the equator M = a(1 - e²) = b²/a and N = a; at the pole M = N = a²/b.
        var sin = Math.Sin(latitudeDegrees * Math.PI / 180.0);
        var a = Wgs84.SemiMajorAxisMeters;
        var b = Wgs84.SemiMinorAxisMeters;
        var expectedN = a * a / Math.Sqrt((a * a * (1 - (sin * sin))) + (b * b * sin * sin));
        var expectedM = Math.Pow(expectedN, 3) * b * b / (a * a * a * a);

        Assert.Equal(expectedN, Wgs84.PrimeVerticalRadiusMeters(sin), 1e-6);
        Assert.Equal(expectedM, Wgs84.MeridianRadiusMeters(sin), 1e-6);
    }
}
