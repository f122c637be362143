using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Cli.Decode;

/// <summary>
/// One Remote ID payload (a single 25-byte message or a message pack) decoded by the message layer,
/// with its JSON form: <c>{"ok":true,"type":..,"decoded":{..},"anomalies":[..]}</c> or
/// <c>{"ok":false,"error":{code, offset, field, message}}</c>.
/// </summary>
internal struct DecodedPayload
{
    private RemoteIdMessagePack _pack;
    private RemoteIdMessage _single;

    public bool Ok { get; private set; }

    public bool IsPack { get; private set; }

    public DecodeError Error { get; private set; }

    public RemoteIdAnomalies Anomalies { get; private set; }

    /// <summary>The decoded messages (one for a single message, up to nine for a pack), pointing into this value.</summary>
    [UnscopedRef]
    public ReadOnlySpan<RemoteIdMessage> Messages => IsPack ? _pack.Messages : new ReadOnlySpan<RemoteIdMessage>(ref _single);

    public static DecodedPayload From(ReadOnlySpan<byte> bytes, PayloadFormat format)
    {
        var result = new DecodedPayload { IsPack = format == PayloadFormat.MessagePack };
        if (result.IsPack)
        {
            result.Ok = RemoteIdDecoder.TryDecodePack(bytes, out result._pack, out var error) == DecodeStatus.Done;
            result.Error = error;
            result.Anomalies = result._pack.Anomalies;
        }
        else
        {
            result.Ok = RemoteIdDecoder.TryDecodeMessage(bytes, out result._single, out var error) == DecodeStatus.Done;
            result.Error = error;
            result.Anomalies = result._single.Anomalies;
        }

        return result;
    }

    /// <summary>Writes the JSON form; <paramref name="extraAnomalies"/> are appended names (e.g. transport flags).</summary>
    public void Write(Utf8JsonWriter writer, params ReadOnlySpan<string> extraAnomalies)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("ok", Ok);
        if (!Ok)
        {
            writer.WritePropertyName("error");
            RemoteIdJson.WriteError(writer, Error);
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("type", IsPack ? "uas" : RemoteIdJson.TypeName(_single.MessageType));
        writer.WritePropertyName("decoded");
        if (IsPack)
        {
            RemoteIdJson.WriteUas(writer, RemoteIdUasData.FromMessages(_pack.Messages));
        }
        else
        {
            RemoteIdJson.WriteDecoded(writer, _single);
        }

        writer.WritePropertyName("anomalies");
        WriteAnomalies(writer, Anomalies, extraAnomalies);
        writer.WriteEndObject();
    }

    /// <summary>Writes the object for a frame that carries no Remote ID payload (a NAN sync beacon).</summary>
    public static void WriteNone(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("ok", true);
        writer.WriteString("type", "none");
        writer.WriteNull("decoded");
        writer.WriteStartArray("anomalies");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes an error object for a transport-level or input-level fault.</summary>
    public static void WriteFailure(Utf8JsonWriter writer, string code, long offset, string field, string message)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("ok", false);
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteNumber("offset", offset);
        writer.WriteString("field", field);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAnomalies(Utf8JsonWriter writer, RemoteIdAnomalies anomalies, ReadOnlySpan<string> extra)
    {
        writer.WriteStartArray();
        for (var bit = 0; bit < 64; bit++)
        {
            var flag = (RemoteIdAnomalies)(1UL << bit);
            if ((anomalies & flag) != 0)
            {
                writer.WriteStringValue(RemoteIdJson.AnomalyName(flag));
            }
        }

        foreach (var name in extra)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}
