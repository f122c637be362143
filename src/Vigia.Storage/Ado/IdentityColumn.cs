using System.Text.Json;
using Vigia.Core.Observations;

namespace Vigia.Storage.Ado;

/// <summary>
/// The <c>identity</c> column: an observation's <see cref="BroadcastIdentity"/> as a small JSON object
/// (<c>{"type":..,"operator_id":..,"self_id":..,"flags":[..]}</c>), or NULL when it has none.
/// </summary>
internal static class IdentityColumn
{
    /// <summary>The column text for <paramref name="identity"/>, or null.</summary>
    public static string? Write(BroadcastIdentity? identity)
    {
        if (identity is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteOptional(writer, "type", identity.AircraftType);
            WriteOptional(writer, "operator_id", identity.OperatorId);
            WriteOptional(writer, "self_id", identity.SelfId);
            writer.WriteStartArray("flags");
            foreach (var flag in identity.Flags)
            {
                writer.WriteStringValue(flag);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The identity stored as <paramref name="text"/>, or null.</summary>
    public static BroadcastIdentity? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        return new BroadcastIdentity
        {
            AircraftType = Optional(root, "type"),
            OperatorId = Optional(root, "operator_id"),
            SelfId = Optional(root, "self_id"),
            Flags = root.TryGetProperty("flags", out var flags) ? [.. flags.EnumerateArray().Select(f => f.GetString()!)] : [],
        };
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
