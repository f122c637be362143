using System.Text.Json;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Zones;

/// <summary>Reading a FeatureCollection of zones.</summary>
public static partial class ZoneGeoJson
{
    /// <summary>
    /// Reads every feature as a zone. Throws <see cref="ZoneValidationException"/> whose field is
    /// <c>feature[i].field</c> (or <c>document</c> for JSON that is not a FeatureCollection).
    /// </summary>
    public static IReadOnlyList<ProtectedZone> Read(string json, ZoneImportDefaults? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        defaults ??= new ZoneImportDefaults();
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
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
            {
                throw new ZoneValidationException("document", "must be a GeoJSON FeatureCollection");
            }

            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new ZoneValidationException("features", "must be an array");
            }

            var zones = new List<ProtectedZone>();
            var i = 0;
            foreach (var feature in features.EnumerateArray())
            {
                try
                {
                    zones.Add(ReadFeature(feature, defaults));
                }
                catch (ZoneValidationException e)
                {
                    throw e.Under($"feature[{i}]");
                }

                i++;
            }

            return zones;
        }
    }

    private static ProtectedZone ReadFeature(JsonElement feature, ZoneImportDefaults defaults)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            throw new ZoneValidationException("type", "a feature must be an object");
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var id = String(properties, defaults.IdProperty) ?? throw new ZoneValidationException(defaults.IdProperty, "missing");
        var name = String(properties, "name") ?? throw new ZoneValidationException("name", "missing");
        var kindText = String(properties, "kind");
        var kind = kindText is null
            ? defaults.Kind ?? throw new ZoneValidationException("kind", "missing")
            : ParseKind(kindText);
        var band = ReadBand(properties, defaults.Band);
        var buffer = Number(properties, "buffer_m") ?? 0;
        var shape = ReadShape(feature, properties);
        return new ProtectedZone(id, name, kind, shape, band, buffer);
    }

    private static ZoneKind ParseKind(string text) =>
        Enum.TryParse<ZoneKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(text[0])
            ? kind
            : throw new ZoneValidationException("kind", $"'{text}' is not one of village, school, clinic, plant, prison, stadium, other");

    private static AltitudeBand ReadBand(JsonElement properties, AltitudeBand? fallback)
    {
        var floor = Number(properties, "floor_m");
        var ceiling = Number(properties, "ceiling_m");
        var reference = String(properties, "height_ref");
        if (floor is null && ceiling is null && reference is null && fallback is not null)
        {
            return fallback;
        }

        return new AltitudeBand(
            floor ?? throw new ZoneValidationException("floor_m", "missing"),
            ceiling ?? throw new ZoneValidationException("ceiling_m", "missing"),
            reference switch
            {
                null => throw new ZoneValidationException("height_ref", "missing (ellipsoid, msl or agl)"),
                "ellipsoid" => ZoneHeightReference.Ellipsoid,
                "msl" => ZoneHeightReference.MeanSeaLevel,
                "agl" => ZoneHeightReference.AboveGround,
                "barometric" => throw new ZoneValidationException("height_ref", HeightConversion.BarometricReason),
                _ => throw new ZoneValidationException("height_ref", $"'{reference}' is not one of ellipsoid, msl, agl"),
            });
    }

    private static ZoneShape ReadShape(JsonElement feature, JsonElement properties)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw new ZoneValidationException("geometry", "missing");
        }

        var type = String(geometry, "type");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new ZoneValidationException("geometry.coordinates", "must be an array");
        }

        switch (type)
        {
            case "Point":
                var radius = Number(properties, "radius_m") ?? throw new ZoneValidationException("radius_m", "a Point zone needs radius_m");
                return new CircleShape(ReadPosition(coordinates, "geometry.coordinates"), radius);
            case "Polygon":
                if (coordinates.GetArrayLength() != 1)
                {
                    throw new ZoneValidationException("geometry.coordinates", coordinates.GetArrayLength() == 0 ? "a Polygon needs a ring" : "polygon holes are not supported");
                }

                var ring = coordinates[0];
                if (ring.ValueKind != JsonValueKind.Array)
                {
                    throw new ZoneValidationException("geometry.coordinates[0]", "must be an array of positions");
                }

                var points = new List<GeoPoint>();
                foreach (var position in ring.EnumerateArray())
                {
                    points.Add(ReadPosition(position, $"polygon[{points.Count}]"));
                }

                return new PolygonShape(points);
            default:
                throw new ZoneValidationException("geometry.type", $"'{type}' is not supported (Polygon, or Point with radius_m)");
        }
    }

    private static GeoPoint ReadPosition(JsonElement position, string field)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new ZoneValidationException(field, "a position must be [longitude, latitude]");
        }

        return new GeoPoint(position[1].GetDouble(), position[0].GetDouble());
    }

    private static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new ZoneValidationException(name, "must be a string"),
        };
    }

    private static double? Number(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ZoneValidationException(name, "must be a number");
    }
}
