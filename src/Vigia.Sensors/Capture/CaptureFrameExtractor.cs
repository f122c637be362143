using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Sensors.Capture;

/// <summary>
/// Finds the Remote ID payload in one captured record by its link type: 802.11 (105, no FCS),
/// radiotap + 802.11 (127, FCS and bad-FCS per the radiotap flags), and the Bluetooth LE encapsulations
/// (272, 256, 251), honouring the sniffer's CRC flag: a bad-CRC packet gives
/// <see cref="TransportStatus.InvalidData"/> with <see cref="TransportErrorCode.BadCrc"/> and is not parsed further.
/// </summary>
/// <remarks>Payload and error offsets index the record data. Thread-safety: stateless.</remarks>
public static class CaptureFrameExtractor
{
    /// <summary>Extracts the payload of one record.</summary>
    /// <param name="data">The record data.</param>
    /// <param name="linkType">The record's link type.</param>
    /// <param name="payload">The payload when the result is <see cref="TransportStatus.Done"/>.</param>
    /// <param name="error">Why not, otherwise.</param>
    /// <returns>The outcome.</returns>
    public static TransportStatus TryExtract(ReadOnlySpan<byte> data, CaptureLinkType linkType, out RemoteIdPayload payload, out TransportError error)
    {
        switch (linkType)
        {
            case CaptureLinkType.Ieee80211:
                return RemoteIdTransport.TryExtractWifi(data, includesFcs: false, out payload, out error);
            case CaptureLinkType.Ieee80211Radiotap:
                return RemoteIdTransport.TryExtractRadiotap(data, out payload, out error);
            case CaptureLinkType.NordicBle or CaptureLinkType.BluetoothLeLinkLayerWithPhdr or CaptureLinkType.BluetoothLeLinkLayer:
                break;
            default:
                payload = default;
                error = new TransportError(TransportErrorCode.UnexpectedFrameType, 0, "LinkType", -1, (long)linkType);
                return TransportStatus.Unsupported;
        }

        var status = BleCapturedPacket.TryParse(data, linkType, out var packet, out error);
        if (status != TransportStatus.Done)
        {
            payload = default;
            return status;
        }

        if (packet.CrcChecked && !packet.CrcOk)
        {
            payload = default;
            error = new TransportError(TransportErrorCode.BadCrc, 0, "Sniffer.CrcOk");
            return TransportStatus.InvalidData;
        }

        if (!packet.IsAdvertising)
        {
            payload = default;
            error = new TransportError(TransportErrorCode.UnexpectedFrameType, packet.PduOffset, "LinkLayer.AccessAddress");
            return TransportStatus.NotRemoteId;
        }

        status = RemoteIdTransport.TryExtractAdvertisingPdu(packet.Pdu(data), out payload, out error);
        if (status == TransportStatus.Done)
        {
            payload = payload.ShiftedBy(packet.PduOffset);
        }
        else
        {
            error = new TransportError(error.Code, error.Offset + packet.PduOffset, error.Field, error.Expected, error.Actual);
        }

        return status;
    }
}
