using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Vigia.Alerting.Zones;

/// <summary>
/// Zones as a GeoJSON FeatureCollection (RFC 7946, System.Text.Json only). A polygon zone is a
/// <c>Polygon</c> feature (one ring, no holes); a circle is a <c>Point</c> feature with <c>radius_m</c>.
/// Properties: <c>id</c>, <c>name</c>, <c>kind</c>, <c>floor_m</c>, <c>ceiling_m</c>, <c>height_ref</c>
/// (<c>ellipsoid</c> | <c>msl</c> | <c>agl</c>), <c>buffer_m</c>. Errors read <c>feature[i].field: reason</c>.
/// </summary>
public static partial class ZoneGeoJson
{
    /// <summary>Writes the zones as an indented FeatureCollection.</summary>
    public static string Write(IEnumerable<ProtectedZone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var zone in zones)
            {
                WriteFeature(w, zone);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteFeature(Utf8JsonWriter w, ProtectedZone zone)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("geometry");
        switch (zone.Shape)
        {
            case CircleShape circle:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                WritePosition(w, circle.Centre);
                break;
            case PolygonShape polygon:
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                w.WriteStartArray();
                foreach (var p in polygon.Ring)
                {
                    WritePosition(w, p);
                }

                if (polygon.Ring[0] != polygon.Ring[^1])
                {
                    WritePosition(w, polygon.Ring[0]);
                }

                w.WriteEndArray();
                w.WriteEndArray();
                break;
        }

        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("id", zone.Id);
        w.WriteString("name", zone.Name);
        w.WriteString("kind", zone.Kind.ToString().ToLowerInvariant());
        w.WriteNumber("floor_m", zone.Band.FloorMeters);
        w.WriteNumber("ceiling_m", zone.Band.CeilingMeters);
        w.WriteString("height_ref", HeightReferenceName(zone.Band.Reference));
        w.WriteNumber("buffer_m", zone.BufferMeters);
        if (zone.Shape is CircleShape c)
        {
            w.WriteNumber("radius_m", c.RadiusMeters);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, GeoPoint p)
    {
        w.WriteStartArray();
        w.WriteNumberValue(p.LongitudeDegrees);
        w.WriteNumberValue(p.LatitudeDegrees);
        w.WriteEndArray();
    }

    private static string HeightReferenceName(ZoneHeightReference reference) => reference switch
    {
        ZoneHeightReference.MeanSeaLevel => "msl",
        ZoneHeightReference.AboveGround => "agl",
        _ => "ellipsoid",
    };

}
