using System.Text.Json;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Testing;

namespace Vigia.Alerting.Tests;

public sealed class ZoneGeoJsonTests
{
    private static readonly ZoneImportDefaults Inegi = new()
    {
        IdProperty = "cvegeo",
        Kind = ZoneKind.Village,
        Band = new AltitudeBand(0, 150, ZoneHeightReference.AboveGround),
    };

    [Fact]
    public void RoundTrip_KeepsEveryField()
    {
        var zones = new[]
        {
            new ProtectedZone("s1", "Escuela", ZoneKind.School, new CircleShape(new(19.07, -102.85), 250), new AltitudeBand(0, 120, ZoneHeightReference.AboveGround), 500),
            new ProtectedZone("p1", "Planta", ZoneKind.Plant, new PolygonShape([new(19.0, -102.8), new(19.0, -102.79), new(19.01, -102.79), new(19.0, -102.8)]), new AltitudeBand(300, 800.5, ZoneHeightReference.MeanSeaLevel)),
            new ProtectedZone("c1", "Clínica", ZoneKind.Clinic, new CircleShape(new(19.1, -102.8), 100), new AltitudeBand(-10, 400, ZoneHeightReference.Ellipsoid), 50),
        };

        var back = ZoneGeoJson.Read(ZoneGeoJson.Write(zones));

        Assert.Equal(zones.Length, back.Count);
        for (var i = 0; i < zones.Length; i++)
        {
            Assert.Equal(zones[i].Id, back[i].Id);
            Assert.Equal(zones[i].Name, back[i].Name);
            Assert.Equal(zones[i].Kind, back[i].Kind);
            Assert.Equal(zones[i].Shape, back[i].Shape);
            Assert.Equal(zones[i].Band, back[i].Band);
            Assert.Equal(zones[i].BufferMeters, back[i].BufferMeters);
        }
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[-102,19],[-101.99,19.01],[-101.99,19],[-102,19.01],[-102,19]]]}""", "", "feature[0].polygon", "Self-intersection")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-102,19],[-102,19.01],[-102,19.02],[-102,19]]]}""", "", "feature[0].polygon", "zero area")]
    [InlineData("""{"type":"Point","coordinates":[-102,19]}""", ""","radius_m":0""", "feature[0].radius_m", "greater than 0")]
    [InlineData("""{"type":"Point","coordinates":[-102,19]}""", "", "feature[0].radius_m", "needs radius_m")]
    [InlineData("""{"type":"Point","coordinates":[-102,99]}""", ""","radius_m":10""", "feature[0].centre", "latitude")]
    [InlineData("""{"type":"LineString","coordinates":[[-102,19],[-102,20]]}""", "", "feature[0].geometry.type", "not supported")]
    [InlineData("""{"type":"Point","coordinates":[-102,19]}""", ""","radius_m":10,"height_ref":"barometric" """, "feature[0].height_ref", "pressure altitude")]
    [InlineData("""{"type":"Point","coordinates":[-102,19]}""", ""","radius_m":10,"kind":"castle" """, "feature[0].kind", "castle")]
    public void BadFeature_NamesFeatureAndField(string geometry, string extra, string field, string reason)
    {
        var bandIfAbsent = extra.Contains("height_ref", StringComparison.Ordinal) ? "" : ""","height_ref":"agl" """;
        var json = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{{{geometry}}},"properties":{"id":"z","name":"Z","kind":"school","floor_m":0,"ceiling_m":100{{{bandIfAbsent}}}{{{extra}}}}}]}""";
        json = json.Replace("\"kind\":\"school\",", extra.Contains("kind", StringComparison.Ordinal) ? "" : "\"kind\":\"school\",", StringComparison.Ordinal);

        var e = Assert.Throws<ZoneValidationException>(() => ZoneGeoJson.Read(json));

        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(field + ": ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FloorAboveCeiling_AndNotAFeatureCollection_AreRefused()
    {
        const string Bad = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-102,19]},"properties":{"id":"z","name":"Z","kind":"other","radius_m":5,"floor_m":100,"ceiling_m":50,"height_ref":"msl"}}]}""";
        Assert.Equal("feature[0].floor_m", Assert.Throws<ZoneValidationException>(() => ZoneGeoJson.Read(Bad)).Field);
        Assert.Equal("document", Assert.Throws<ZoneValidationException>(() => ZoneGeoJson.Read("""{"type":"Feature"}""")).Field);
        Assert.Equal("document", Assert.Throws<ZoneValidationException>(() => ZoneGeoJson.Read("{")).Field);
    }

    [Theory]
    [InlineData("el-bejuco", "El Bejuco")]
    [InlineData("la-romera", "La Romera")]
    public void SharedBuiltUpArea_Imports_CentreInside_TwoKmAwayOutside(string placeId, string name)
    {
        // The file also holds MultiPolygon localities (not zone outlines); import this village's feature.
        using var file = JsonDocument.Parse(File.ReadAllText(TestPaths.SharedData("geo", "locality-areas-45km.geojson")));
        var feature = file.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("name").GetString() == name);
        var zone = Assert.Single(ZoneGeoJson.Read($$"""{"type":"FeatureCollection","features":[{{feature.GetRawText()}}]}""", Inegi));
        Assert.Equal(name, zone.Name);
        Assert.Equal(ZoneKind.Village, zone.Kind);
        var (lat, lon) = PlaceCentre(placeId);
        var centre = new GeoPosition(lat, lon, 0);

        Assert.True(zone.Geometry.Contains(centre));
        Assert.Equal(0, zone.Geometry.DistanceMeters(centre));

        // 2 km due south of the centre (haversine destination), well outside a village of a few hundred metres.
        const double EarthRadius = 6_371_008.8;
        var away = new GeoPosition(lat - (2000 / EarthRadius * 180 / Math.PI), lon, 0);
        Assert.False(zone.Geometry.Contains(away));

        // Distance check: nearest outline vertex by haversine vs the ENU distance to the outline.
        var ring = ((PolygonShape)zone.Shape).Ring;
        var haversine = ring.Min(v => Haversine(away.LatitudeDegrees, away.LongitudeDegrees, v.LatitudeDegrees, v.LongitudeDegrees));
        var enu = zone.Geometry.DistanceMeters(away);
        Assert.InRange(enu, 1000, 2000);
        Assert.True(Math.Abs(enu - haversine) <= 0.01 * haversine, $"ENU {enu:F1} m vs haversine {haversine:F1} m");
    }

    private static (double Lat, double Lon) PlaceCentre(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.SharedData("geo", "places.json")));
        var place = doc.RootElement.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        return (place.GetProperty("lat").GetDouble(), place.GetProperty("lon").GetDouble());
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
