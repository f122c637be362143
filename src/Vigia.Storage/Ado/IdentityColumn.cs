using System.Text.Json;
using Vigia.Core.Observations;

namespace Vigia.Storage.Ado;

/// <summary>
/// The <c>identity</c> column: an observation's <see cref="BroadcastIdentity"/> and <see cref="Classification"/>
/// as a small JSON object (<c>{"type":..,"operator_id":..,"self_id":..,"flags":[..],"classification":{..}}</c>;
/// the identity's members are present exactly when it has one, <c>flags</c> always among them), or NULL
/// when it has neither.
/// </summary>
internal static class IdentityColumn
{
    /// <summary>The column text for <paramref name="identity"/>, or null.</summary>
    public static string? Write(BroadcastIdentity? identity, Classification? classification = null)
    {
        if (identity is null && classification is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (identity is not null)
            {
                WriteOptional(writer, "type", identity.AircraftType);
                WriteOptional(writer, "operator_id", identity.OperatorId);
                WriteOptional(writer, "self_id", identity.SelfId);
                writer.WriteStartArray("flags");
                foreach (var flag in identity.Flags)
                {
                    writer.WriteStringValue(flag);
                }

                writer.WriteEndArray();
            }

            if (classification is not null)
            {
                writer.WriteStartObject("classification");
                writer.WriteString("class", Classification.ClassName(classification.Class));
                writer.WriteString("source", Classification.SourceName(classification.Source));
                writer.WriteNumber("confidence", classification.Confidence);
                WriteOptional(writer, "label", classification.Label);
                WriteOptional(writer, "sensor", classification.Sensor?.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The identity and classification stored as <paramref name="text"/> (each null when absent).</summary>
    public static (BroadcastIdentity? Identity, Classification? Classification) Read(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var identity = root.TryGetProperty("flags", out var flags)
            ? new BroadcastIdentity
            {
                AircraftType = Optional(root, "type"),
                OperatorId = Optional(root, "operator_id"),
                SelfId = Optional(root, "self_id"),
                Flags = [.. flags.EnumerateArray().Select(f => f.GetString()!)],
            }
            : null;
        Classification? classification = null;
        if (root.TryGetProperty("classification", out var c) && c.ValueKind == JsonValueKind.Object
            && Classification.TryParseClass(Optional(c, "class"), out var objectClass)
            && Classification.TryParseSource(Optional(c, "source"), out var source))
        {
            var sensor = Optional(c, "sensor");
            classification = new Classification(
                objectClass, source, c.TryGetProperty("confidence", out var conf) ? conf.GetDouble() : 0, Optional(c, "label"), sensor is null ? null : new SensorId(sensor));
        }

        return (identity, classification);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
