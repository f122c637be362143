using System.Buffers.Binary;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Sensors.Capture;

/// <summary>
/// A Bluetooth LE link-layer packet as a sniffer captured it: the sniffer's CRC verdict, PHY, channel,
/// and where the PDU lies in the record (offsets into the record data, no copy).
/// </summary>
/// <remarks>
/// Encapsulations: nRF Sniffer for Bluetooth LE (LINKTYPE_NORDIC_BLE 272, header protocol versions 2 and 3),
/// LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR (256) and LINKTYPE_BLUETOOTH_LE_LL (251). The link-layer packet is
/// the access address (4), on LE Coded the coding indicator (1), the PDU (2-byte header + payload) and
/// the CRC (3) — Core 5.3 Vol 6 Part B §2.1. Thread-safety: immutable value type.
/// </remarks>
public readonly record struct BleCapturedPacket
{
    /// <summary>The access address of advertising-channel packets (Core 5.3 Vol 6 Part B §2.1.2).</summary>
    public const uint AdvertisingAccessAddress = 0x8E89BED6;

    private const int AccessAddressLength = 4;
    private const int CrcLength = 3;
    private const int PduHeaderLength = 2;

    /// <summary>True when the sniffer checked the CRC.</summary>
    public bool CrcChecked { get; init; }

    /// <summary>True when the sniffer checked the CRC and it matched.</summary>
    public bool CrcOk { get; init; }

    /// <summary>The PHY the packet came on.</summary>
    public BlePhy Phy { get; init; }

    /// <summary>The RF channel index (0–39).</summary>
    public int Channel { get; init; }

    /// <summary>Received signal strength in dBm, when the header gives it.</summary>
    public int? RssiDbm { get; init; }

    /// <summary>The packet's access address.</summary>
    public uint AccessAddress { get; init; }

    /// <summary>Offset of the PDU header in the record data.</summary>
    public int PduOffset { get; init; }

    /// <summary>PDU length: 2-byte header plus the payload length it states.</summary>
    public int PduLength { get; init; }

    /// <summary>True for advertising-channel packets (the advertising access address).</summary>
    public bool IsAdvertising => AccessAddress == AdvertisingAccessAddress;

    /// <summary>The PDU (header and payload) inside <paramref name="data"/>, the record data that was parsed.</summary>
    public ReadOnlySpan<byte> Pdu(ReadOnlySpan<byte> data) => data.Slice(PduOffset, PduLength);

    /// <summary>Parses the capture header and locates the PDU.</summary>
    /// <param name="data">The record data.</param>
    /// <param name="linkType">272, 256 or 251.</param>
    /// <param name="packet">The packet when the result is <see cref="TransportStatus.Done"/>.</param>
    /// <param name="error">Why not, otherwise.</param>
    /// <returns>Done; NotRemoteId for sniffer messages that are not received packets; InvalidData or Unsupported.</returns>
    public static TransportStatus TryParse(ReadOnlySpan<byte> data, CaptureLinkType linkType, out BleCapturedPacket packet, out TransportError error) =>
        linkType switch
        {
            CaptureLinkType.NordicBle => ParseNordic(data, out packet, out error),
            CaptureLinkType.BluetoothLeLinkLayerWithPhdr => ParsePhdr(data, out packet, out error),
            CaptureLinkType.BluetoothLeLinkLayer => ParseLinkLayer(data, 0, data.Length, new BleCapturedPacket { Phy = BlePhy.Unknown }, out packet, out error),
            _ => Fail(TransportStatus.Unsupported, TransportErrorCode.UnexpectedFrameType, 0, "LinkType", out packet, out error),
        };

    private static TransportStatus ParseNordic(ReadOnlySpan<byte> data, out BleCapturedPacket packet, out TransportError error)
    {
        // nRF Sniffer header, versions 2/3: board (1), payload length (2, LE), protocol version (1),
        // packet counter (2), packet ID (1); then the event packet header: its length (1), flags (1),
        // channel (1), RSSI (1, negated dBm), event counter (2), timestamp (4).
        const int Header = 7;
        const int EventHeaderMinimum = 10;
        const byte PacketIdV2Event = 0x06;
        const byte PacketIdV3AdvPdu = 0x02;
        const byte PacketIdV3DataPdu = 0x06;
        if (data.Length < Header + EventHeaderMinimum)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, 0, "NordicBle.Header", out packet, out error);
        }

        var version = data[3];
        if (version is not (2 or 3))
        {
            return Fail(TransportStatus.Unsupported, TransportErrorCode.UnexpectedValue, 3, "NordicBle.ProtocolVersion", out packet, out error, 3, version);
        }

        var packetId = data[6];
        var isPacket = version == 2 ? packetId == PacketIdV2Event : packetId is PacketIdV3AdvPdu or PacketIdV3DataPdu;
        if (!isPacket)
        {
            return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedFrameType, 6, "NordicBle.PacketId", out packet, out error, -1, packetId);
        }

        var end = Header + BinaryPrimitives.ReadUInt16LittleEndian(data[1..]);
        if (end > data.Length)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, 1, "NordicBle.PayloadLength", out packet, out error, data.Length - Header, end - Header);
        }

        var eventHeaderLength = data[Header];
        if (eventHeaderLength < EventHeaderMinimum || Header + eventHeaderLength > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, Header, "NordicBle.HeaderLength", out packet, out error, EventHeaderMinimum, eventHeaderLength);
        }

        var flags = data[Header + 1];
        var phy = ((flags >> 4) & 0x07) switch
        {
            0 => BlePhy.Le1M,
            1 => BlePhy.Le2M,
            2 => BlePhy.LeCoded,
            _ => BlePhy.Unknown,
        };
        var fields = new BleCapturedPacket
        {
            CrcChecked = true,
            CrcOk = (flags & 0x01) != 0,
            Phy = phy,
            Channel = data[Header + 2],
            RssiDbm = -data[Header + 3],
        };
        return ParseLinkLayer(data, Header + eventHeaderLength, end, fields, out packet, out error);
    }

    private static TransportStatus ParsePhdr(ReadOnlySpan<byte> data, out BleCapturedPacket packet, out TransportError error)
    {
        // LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR: channel (1), signal (1), noise (1), AA offenses (1),
        // reference AA (4), flags (2, LE); flags 0x0002 signal valid, 0x0400 CRC checked, 0x0800 CRC valid, bits 14–15 PHY.
        const int Header = 10;
        if (data.Length < Header)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, 0, "Phdr.Header", out packet, out error);
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        var phy = (flags >> 14) switch
        {
            0 => BlePhy.Le1M,
            1 => BlePhy.Le2M,
            2 => BlePhy.LeCoded,
            _ => BlePhy.Unknown,
        };
        if (phy == BlePhy.LeCoded)
        {
            // Whether the coding indicator is inside the LE packet is not settled for this header; not guessed.
            return Fail(TransportStatus.Unsupported, TransportErrorCode.UnexpectedValue, 8, "Phdr.Flags.Phy", out packet, out error, -1, 2);
        }

        var fields = new BleCapturedPacket
        {
            CrcChecked = (flags & 0x0400) != 0,
            CrcOk = (flags & 0x0C00) == 0x0C00,
            Phy = phy,
            Channel = data[0],
            RssiDbm = (flags & 0x0002) != 0 ? (sbyte)data[1] : null,
        };
        return ParseLinkLayer(data, Header, data.Length, fields, out packet, out error);
    }

    private static TransportStatus ParseLinkLayer(ReadOnlySpan<byte> data, int start, int end, BleCapturedPacket fields, out BleCapturedPacket packet, out TransportError error)
    {
        var pduOffset = start + AccessAddressLength + (fields.Phy == BlePhy.LeCoded ? 1 : 0);
        if (pduOffset + PduHeaderLength > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, start, "LinkLayer.PduHeader", out packet, out error);
        }

        var pduLength = PduHeaderLength + data[pduOffset + 1];
        if (pduOffset + pduLength + CrcLength > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, pduOffset + 1, "LinkLayer.PduLength", out packet, out error, end - pduOffset - PduHeaderLength - CrcLength, pduLength - PduHeaderLength);
        }

        packet = fields with
        {
            AccessAddress = BinaryPrimitives.ReadUInt32LittleEndian(data[start..]),
            PduOffset = pduOffset,
            PduLength = pduLength,
        };
        error = default;
        return TransportStatus.Done;
    }

    private static TransportStatus Fail(TransportStatus status, TransportErrorCode code, int offset, string field, out BleCapturedPacket packet, out TransportError error, long expected = -1, long actual = -1)
    {
        packet = default;
        error = new TransportError(code, offset, field, expected, actual);
        return status;
    }
}
