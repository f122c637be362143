using Vigia.Core.Geodesy;

namespace Vigia.Core.Tests.Geodesy;

public sealed class LocalTangentPlaneTests
{
    private const double OneMillimetre = 1e-3;

    private static GeoPosition Site => new(52.5, 13.4, 80.0);

    [Theory]
    [InlineData(52.5, 13.4, 80.0)]
    [InlineData(0.0, -180.0, -30.0)]
    [InlineData(90.0, 0.0, 0.0)]
    [InlineData(-45.0, 170.0, 3000.0)]
    public void ToEnu_Origin_MapsToZero(double lat, double lon, double h)
    {
        var origin = new GeoPosition(lat, lon, h);
        var plane = new LocalTangentPlane(origin);

        Assert.True(plane.ToEnu(origin).Length < 1e-6);
        Assert.True(GeodeticError.Meters(origin, plane.ToGeodetic(EnuVector.Zero)) < 1e-6);
    }

    [Fact]
    public void ToEnu_PublishedTopocentricExample_MatchesToWithinOneMillimetre()
    {
        // IOGP Publication 373-7-2, "Geocentric/topocentric conversions", EPSG method 9836, worked
        // example (WGS 84): origin 55°N, 5°E, h = 200 m; the point X = 3771793.968, Y = 140253.342,
        // Z = 5124304.349 m has U (east) = -189013.869, V (north) = -128642.040, W (up) = -4220.171 m.
        var plane = new LocalTangentPlane(new GeoPosition(55.0, 5.0, 200.0));

        var enu = plane.ToEnu(new EcefPosition(3771793.968, 140253.342, 5124304.349));

        var expected = new EnuVector(-189013.869, -128642.040, -4220.171);
        Assert.True(GeodeticError.Meters(expected, enu) < OneMillimetre, $"got {enu}");
    }

    [Fact]
    public void ToEcef_PublishedTopocentricExample_MatchesToWithinOneMillimetre()
    {
        // The reverse of the same IOGP GN7-2 EPSG 9836 example.
        var plane = new LocalTangentPlane(new GeoPosition(55.0, 5.0, 200.0));

        var ecef = plane.ToEcef(new EnuVector(-189013.869, -128642.040, -4220.171));

        Assert.True(GeodeticError.Meters(new EcefPosition(3771793.968, 140253.342, 5124304.349), ecef) < OneMillimetre, $"got {ecef}");
    }

    [Theory]
    [InlineData(52.5, 13.4, 80.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(-70.0, -60.0, 2500.0)]
    public void ToEnu_PointOneKilometreNorthAlongTheMeridian_HasNorthOf1000Metres(double lat, double lon, double h)
    {
        // Independent computation: along the meridian at height h a latitude step dφ spans (M + h) dφ
        // metres, M = a(1 - e²) / (1 - e² sin²φ)^(3/2). Over 1 km the chord is shorter than the arc by
        // s³ / 24R² (micrometres), M changes by well under a part in 10^6, and the point drops below
        // the tangent plane by s² / 2(M + h).
        const double a = 6378137.0;
        const double e2 = 0.00669437999014;
        const double distance = 1000.0;
        var sinLat = Math.Sin(lat * Math.PI / 180.0);
        var w2 = 1.0 - (e2 * sinLat * sinLat);
        var meridianRadius = a * (1.0 - e2) / (w2 * Math.Sqrt(w2));
        var stepDegrees = distance / (meridianRadius + h) * 180.0 / Math.PI;
        var plane = new LocalTangentPlane(new GeoPosition(lat, lon, h));

        var enu = plane.ToEnu(new GeoPosition(lat + stepDegrees, lon, h));

        Assert.Equal(0.0, enu.EastMeters, 1e-6);
        Assert.Equal(distance, enu.NorthMeters, OneMillimetre);
        Assert.Equal(-distance * distance / (2.0 * (meridianRadius + h)), enu.UpMeters, OneMillimetre);
    }

    [Fact]
    public void ToGeodetic_RandomPointsWithin50Kilometres_RoundTripThroughEnuToWithinOneMillimetre()
    {
        var plane = new LocalTangentPlane(Site);
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var bearing = random.NextDouble() * 2.0 * Math.PI;
            var range = random.NextDouble() * 50_000.0;
            var enu = new EnuVector(range * Math.Sin(bearing), range * Math.Cos(bearing), -500.0 + (random.NextDouble() * 10_500.0));

            var back = plane.ToEnu(plane.ToGeodetic(enu));

            Assert.True(GeodeticError.Meters(enu, back) < OneMillimetre, $"{enu} came back as {back}");
        }

        var corner = new EnuVector(50_000.0, -50_000.0, 0.0);
        Assert.True(GeodeticError.Meters(corner, plane.ToEnu(plane.ToGeodetic(corner))) < OneMillimetre);
    }

    [Fact]
    public void RotateToEcef_AtLatitude0Longitude0_SendsEastNorthUpToYZX()
    {
        // At (0°, 0°) east is +Y, north is +Z and up (the ellipsoid normal) is +X.
        var plane = new LocalTangentPlane(new GeoPosition(0.0, 0.0, 0.0));

        AssertClose(new EcefVector(0, 1, 0), plane.RotateToEcef(new EnuVector(1, 0, 0)));
        AssertClose(new EcefVector(0, 0, 1), plane.RotateToEcef(new EnuVector(0, 1, 0)));
        AssertClose(new EcefVector(1, 0, 0), plane.RotateToEcef(new EnuVector(0, 0, 1)));
    }

    [Fact]
    public void RotateFromEcef_AtNorthPoleLongitude0_SendsXYZToSouthEastUp()
    {
        // At the north pole the axes follow the origin's longitude (0°): +X points along the 0°
        // meridian, i.e. south (-north); +Y (towards 90° E) is east; +Z is up.
        var plane = new LocalTangentPlane(new GeoPosition(90.0, 0.0, 0.0));

        Assert.True(GeodeticError.Meters(new EnuVector(0, -1, 0), plane.RotateFromEcef(new EcefVector(1, 0, 0))) < 1e-12);
        Assert.True(GeodeticError.Meters(new EnuVector(1, 0, 0), plane.RotateFromEcef(new EcefVector(0, 1, 0))) < 1e-12);
        Assert.True(GeodeticError.Meters(new EnuVector(0, 0, 1), plane.RotateFromEcef(new EcefVector(0, 0, 1))) < 1e-12);
    }

    [Fact]
    public void RotateFromEcef_ThenRotateToEcef_ReturnsTheVectorAndKeepsItsLength()
    {
        var plane = new LocalTangentPlane(new GeoPosition(-37.8, 144.9, 30.0));
        var v = new EcefVector(123.0, -4567.0, 89.0);

        var enu = plane.RotateFromEcef(v);
        var back = plane.RotateToEcef(enu);

        Assert.Equal(v.Length, enu.Length, 1e-9);
        AssertClose(v, back);
    }

    [Fact]
    public void TransformFrom_PointInDistantPlane_MatchesGoingThroughGeodetic()
    {
        var here = new LocalTangentPlane(Site);
        var sensor = new LocalTangentPlane(new GeoPosition(52.9, 14.1, 140.0));
        var target = new EnuVector(-12_345.0, 6_789.0, 450.0);

        var viaTransform = here.TransformFrom(sensor, target);
        var viaGeodetic = here.ToEnu(sensor.ToGeodetic(target));

        Assert.True(GeodeticError.Meters(viaGeodetic, viaTransform) < OneMillimetre, $"{viaTransform} vs {viaGeodetic}");
    }

    [Fact]
    public void TransformFrom_GeodeticPointSeenFromBothPlanes_AgreesWithDirectConversion()
    {
        var here = new LocalTangentPlane(Site);
        var sensor = new LocalTangentPlane(new GeoPosition(52.1, 12.8, 60.0));
        var drone = new GeoPosition(52.3, 13.1, 250.0);

        var viaSensor = here.TransformFrom(sensor, sensor.ToEnu(drone));

        Assert.True(GeodeticError.Meters(here.ToEnu(drone), viaSensor) < OneMillimetre);
    }

    [Fact]
    public void TransformDirectionFrom_LineOfSight_EqualsDifferenceOfTransformedPoints()
    {
        var here = new LocalTangentPlane(Site);
        var sensor = new LocalTangentPlane(new GeoPosition(51.8, 12.0, 100.0));
        var sensorPoint = new EnuVector(10.0, -20.0, 5.0);
        var target = new EnuVector(3_000.0, 4_000.0, 300.0);

        var direction = here.TransformDirectionFrom(sensor, target - sensorPoint);

        var expected = here.TransformFrom(sensor, target) - here.TransformFrom(sensor, sensorPoint);
        Assert.True(GeodeticError.Meters(expected, direction) < OneMillimetre, $"{direction} vs {expected}");
        // The frames are about 120 km apart, so the rotation is far from the identity.
        Assert.True(GeodeticError.Meters(target - sensorPoint, direction) > 10.0);
    }

    [Fact]
    public void RotationFrom_DistantPlane_IsOrthonormalAndAgreesWithTransformDirectionFrom()
    {
        var here = new LocalTangentPlane(Site);
        var sensor = new LocalTangentPlane(new GeoPosition(40.0, -3.7, 650.0));
        var r = here.RotationFrom(sensor);
        var v = new EnuVector(0.3, -0.5, 0.8);

        var rotated = new EnuVector(
            (r.M11 * v.EastMeters) + (r.M12 * v.NorthMeters) + (r.M13 * v.UpMeters),
            (r.M21 * v.EastMeters) + (r.M22 * v.NorthMeters) + (r.M23 * v.UpMeters),
            (r.M31 * v.EastMeters) + (r.M32 * v.NorthMeters) + (r.M33 * v.UpMeters));

        Assert.True(GeodeticError.Meters(here.TransformDirectionFrom(sensor, v), rotated) < 1e-12);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var dot = (r[i, 0] * r[j, 0]) + (r[i, 1] * r[j, 1]) + (r[i, 2] * r[j, 2]);
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 1e-12);
            }
        }
    }

    [Fact]
    public void RotationFrom_SamePlane_IsIdentity()
    {
        var plane = new LocalTangentPlane(Site);

        var r = plane.RotationFrom(new LocalTangentPlane(Site));

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, r[i, j], 1e-15);
            }
        }
    }

    [Theory]
    [InlineData(90.5, 0.0, 0.0)]
    [InlineData(double.NaN, 0.0, 0.0)]
    [InlineData(10.0, double.PositiveInfinity, 0.0)]
    [InlineData(10.0, 0.0, double.NaN)]
    public void Constructor_InvalidOrigin_Throws(double lat, double lon, double h)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalTangentPlane(new GeoPosition(lat, lon, h)));
    }

    private static void AssertClose(EcefVector expected, EcefVector actual) =>
        Assert.True(
            Math.Abs(expected.XMeters - actual.XMeters) < 1e-9
            && Math.Abs(expected.YMeters - actual.YMeters) < 1e-9
            && Math.Abs(expected.ZMeters - actual.ZMeters) < 1e-9,
            $"expected {expected}, got {actual}");
}
