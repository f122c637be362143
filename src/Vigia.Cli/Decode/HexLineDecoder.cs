using System.Globalization;
using System.Text.Json;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Cli.Decode;

/// <summary>
/// Decodes one <c>KIND HEX</c> line of <c>vigia decode --hex-lines</c> into exactly one JSON object.
/// KIND is <c>message</c> (one 25-byte message), <c>pack</c> (a message pack), <c>wifi</c> (an 802.11
/// management frame from Frame Control, no radiotap, no FCS) or <c>ble</c> (Bluetooth 4 legacy or 5
/// extended advertising data). A line that is not of that form gives an <c>ok:false</c> object with
/// the character offset of the fault; it never stops the run.
/// </summary>
internal static class HexLineDecoder
{
    public static void Decode(string line, Utf8JsonWriter writer)
    {
        var text = line.Trim();
        var space = text.IndexOfAny([' ', '\t']);
        if (space <= 0)
        {
            DecodedPayload.WriteFailure(writer, "BadInputLine", 0, "kind", "expected 'KIND HEX' (KIND: message, pack, wifi, ble)");
            return;
        }

        var kind = text[..space];
        var hex = text[(space + 1)..].Trim();
        var hexOffset = line.IndexOf(hex, StringComparison.Ordinal);
        if (!TryParseHex(hex, out var bytes, out var badAt))
        {
            DecodedPayload.WriteFailure(writer, "BadInputLine", hexOffset + badAt, "hex", "not an even number of hexadecimal digits");
            return;
        }

        switch (kind)
        {
            case "message":
                DecodedPayload.From(bytes, PayloadFormat.SingleMessage).Write(writer);
                break;
            case "pack":
                DecodedPayload.From(bytes, PayloadFormat.MessagePack).Write(writer);
                break;
            case "wifi":
                FromTransport(bytes, RemoteIdTransport.TryExtractWifi(bytes, includesFcs: false, out var wifi, out var wifiError), wifi, wifiError, writer);
                break;
            case "ble":
                FromTransport(bytes, RemoteIdTransport.TryExtractBluetoothAdvertisingData(bytes, out var ble, out var bleError), ble, bleError, writer);
                break;
            default:
                DecodedPayload.WriteFailure(writer, "BadInputLine", 0, "kind", $"unknown kind '{kind}' (message, pack, wifi, ble)");
                break;
        }
    }

    /// <summary>Writes the result of a transport extraction followed, on success, by the payload decode.</summary>
    internal static void FromTransport(ReadOnlySpan<byte> frame, TransportStatus status, in RemoteIdPayload payload, in TransportError error, Utf8JsonWriter writer)
    {
        switch (status)
        {
            case TransportStatus.Done:
                var decoded = DecodedPayload.From(payload.Slice(frame), payload.Format);
                if (payload.IsLegacyOui)
                {
                    decoded.Write(writer, "LegacyWifiOui");
                }
                else
                {
                    decoded.Write(writer);
                }

                break;
            case TransportStatus.NoPayload:
                DecodedPayload.WriteNone(writer);
                break;
            default:
                DecodedPayload.WriteFailure(writer, error.Code.ToString(), error.Offset, error.Field, status == TransportStatus.NotRemoteId ? "no Remote ID payload: " + error.Message : error.Message);
                break;
        }
    }

    private static bool TryParseHex(string hex, out byte[] bytes, out int badAt)
    {
        bytes = [];
        badAt = 0;
        if (hex.Length % 2 != 0)
        {
            badAt = hex.Length;
            return false;
        }

        bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(hex.AsSpan(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                badAt = 2 * i;
                return false;
            }
        }

        return true;
    }
}
