using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Vigia.Alerting.Zones;

/// <summary>One zone as one GeoJSON Feature (how the journal stores a zone and the API edits one).</summary>
public static partial class ZoneGeoJson
{
    /// <summary>The zone as a compact GeoJSON Feature.</summary>
    public static string WriteFeature(ProtectedZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WriteFeature(w, zone);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads one zone from a GeoJSON Feature; throws <see cref="ZoneValidationException"/> naming the field
    /// (<c>document</c> for JSON that is not a Feature).
    /// </summary>
    public static ProtectedZone ReadFeature(string json, ZoneImportDefaults? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ZoneValidationException("document", $"not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
            {
                throw new ZoneValidationException("document", "must be a GeoJSON Feature");
            }

            return ReadFeature(root, defaults ?? new ZoneImportDefaults());
        }
    }
}
