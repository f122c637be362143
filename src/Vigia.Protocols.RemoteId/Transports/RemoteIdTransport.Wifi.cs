using System.Buffers.Binary;

namespace Vigia.Protocols.RemoteId.Transports;

public static partial class RemoteIdTransport
{
    /// <summary>
    /// Extracts the payload from an 802.11 management frame (from Frame Control, no radiotap header):
    /// a beacon with the ODID vendor IE, or a NAN service discovery frame. A NAN synchronisation beacon
    /// gives <see cref="TransportStatus.NoPayload"/>.
    /// </summary>
    /// <param name="frame">The MPDU.</param>
    /// <param name="includesFcs">True when the last 4 bytes are the FCS (it is not checked, only removed).</param>
    /// <param name="payload">The payload, with offsets into <paramref name="frame"/>; the sender is the source address.</param>
    /// <param name="error">Why not, when the result is not <see cref="TransportStatus.Done"/>.</param>
    /// <returns>The outcome.</returns>
    public static TransportStatus TryExtractWifi(
        ReadOnlySpan<byte> frame,
        bool includesFcs,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        var end = frame.Length;
        if (includesFcs)
        {
            if (end < TransportConstants.FcsLength)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, 0, "Fcs", out payload, out error);
            }

            end -= TransportConstants.FcsLength;
        }

        return ExtractWifi(frame, 0, end, out payload, out error);
    }

    private static TransportStatus ExtractWifi(
        ReadOnlySpan<byte> frame,
        int start,
        int end,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        if (end - start < TransportConstants.MgmtHeaderLength)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, start, "MacHeader", out payload, out error, TransportConstants.MgmtHeaderLength, end - start);
        }

        var fc0 = frame[start];
        var fc1 = frame[start + 1];
        if ((fc0 & 0x03) != 0)
        {
            return Fail(TransportStatus.Unsupported, TransportErrorCode.UnexpectedValue, start, "FrameControl.ProtocolVersion", out payload, out error, 0, fc0 & 0x03);
        }

        if (((fc0 >> 2) & 0x03) != 0)
        {
            return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedFrameType, start, "FrameControl.Type", out payload, out error, 0, (fc0 >> 2) & 0x03);
        }

        if ((fc1 & 0x40) != 0)
        {
            return Fail(TransportStatus.Unsupported, TransportErrorCode.ProtectedFrame, start + 1, "FrameControl.Protected", out payload, out error);
        }

        // The Order bit on a management frame announces the HT Control field (IEEE 802.11-2020 §9.2.4.1.10).
        var bodyStart = start + TransportConstants.MgmtHeaderLength + ((fc1 & 0x80) != 0 ? TransportConstants.HtControlLength : 0);
        if (bodyStart > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, start + TransportConstants.MgmtHeaderLength, "HtControl", out payload, out error);
        }

        var sender = SenderAddress.FromDisplayOrder(frame.Slice(start + 10));
        return (fc0 >> 4) switch
        {
            TransportConstants.SubtypeBeacon => ExtractBeacon(frame, bodyStart, end, sender, out payload, out error),
            TransportConstants.SubtypeAction => ExtractNan(frame, start, bodyStart, end, sender, out payload, out error),
            var subtype => Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedFrameType, start, "FrameControl.Subtype", out payload, out error, -1, subtype),
        };
    }

    private static TransportStatus ExtractBeacon(
        ReadOnlySpan<byte> frame,
        int bodyStart,
        int end,
        SenderAddress sender,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        var i = bodyStart + TransportConstants.BeaconFixedLength;
        if (i > end)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, bodyStart, "Beacon.FixedFields", out payload, out error, TransportConstants.BeaconFixedLength, end - bodyStart);
        }

        var firstElement = i;
        var sawNan = false;

        // Walk the elements up to the first ODID vendor IE, as the reference does: what follows it is not read.
        while (i < end)
        {
            if (i + 2 > end)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, i, "Element.Header", out payload, out error);
            }

            var id = frame[i];
            var length = frame[i + 1];
            var elementEnd = i + 2 + length;
            if (elementEnd > end)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, i + 1, "Element.Length", out payload, out error, end - i - 2, length);
            }

            if (id == TransportConstants.ElementVendorSpecific && length >= 4)
            {
                var oui = frame.Slice(i + 2, 3);
                var type = frame[i + 5];
                var asdStan = oui.SequenceEqual(TransportConstants.AsdStanOui);
                if ((asdStan || oui.SequenceEqual(TransportConstants.ParrotOui)) && type == TransportConstants.OdidVendorType)
                {
                    if (length < 5)
                    {
                        return Fail(TransportStatus.InvalidData, TransportErrorCode.EmptyPayload, i + 6, "VendorIe.MessageCounter", out payload, out error);
                    }

                    return Found(frame, TransportKind.WifiBeacon, i + 6, elementEnd, sender, hasSender: true, legacyOui: !asdStan, out payload, out error);
                }

                sawNan |= oui.SequenceEqual(TransportConstants.WifiAllianceOui) && type == TransportConstants.NanOuiType;
            }

            i = elementEnd;
        }

        if (sawNan)
        {
            // A NAN synchronisation beacon: part of the NAN transport, carries no ODID message.
            payload = new RemoteIdPayload(TransportKind.WifiNan, PayloadFormat.MessagePack, 0, 0, 0, sender, true, false);
            error = default;
            return TransportStatus.NoPayload;
        }

        return Fail(TransportStatus.NotRemoteId, TransportErrorCode.NoRemoteIdElement, firstElement, "VendorIe", out payload, out error);
    }

    /// <summary>
    /// Strips a radiotap header (and the FCS when its Flags field says the frame carries one), then
    /// extracts as <see cref="TryExtractWifi"/>. A frame flagged with a bad FCS is rejected with
    /// <see cref="TransportErrorCode.BadFcs"/>.
    /// </summary>
    /// <param name="frame">The radiotap header followed by the MPDU.</param>
    /// <param name="payload">The payload, with offsets into <paramref name="frame"/>.</param>
    /// <param name="error">Why not, when the result is not <see cref="TransportStatus.Done"/>.</param>
    /// <returns>The outcome.</returns>
    /// <remarks>Radiotap header definition, fields TSFT (bit 0) and Flags (bit 1), radiotap.org.</remarks>
    public static TransportStatus TryExtractRadiotap(
        ReadOnlySpan<byte> frame,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        const int FixedHeader = 8;
        const uint PresentTsft = 1u << 0;
        const uint PresentFlags = 1u << 1;
        const uint PresentExtended = 1u << 31;
        const int TsftSize = 8;

        if (frame.Length < FixedHeader)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, 0, "Radiotap.Header", out payload, out error, FixedHeader, frame.Length);
        }

        if (frame[0] != 0)
        {
            return Fail(TransportStatus.Unsupported, TransportErrorCode.UnsupportedRadiotapVersion, 0, "Radiotap.Version", out payload, out error, 0, frame[0]);
        }

        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(frame[2..]);
        if (headerLength < FixedHeader || headerLength > frame.Length)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, 2, "Radiotap.Length", out payload, out error, frame.Length, headerLength);
        }

        var present = BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]);
        var word = present;
        var p = 4;
        while ((word & PresentExtended) != 0)
        {
            p += 4;
            if (p + 4 > headerLength)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, p, "Radiotap.Present", out payload, out error, headerLength, p + 4);
            }

            word = BinaryPrimitives.ReadUInt32LittleEndian(frame[p..]);
        }

        var end = frame.Length;
        if ((present & PresentFlags) != 0)
        {
            var q = p + 4;
            if ((present & PresentTsft) != 0)
            {
                q = ((q + 7) & ~7) + TsftSize; // fields are aligned to their natural size from the header start
            }

            if (q >= headerLength)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, q, "Radiotap.Flags", out payload, out error, headerLength, q + 1);
            }

            var flags = frame[q];
            if ((flags & TransportConstants.RadiotapFlagBadFcs) != 0)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.BadFcs, q, "Radiotap.Flags", out payload, out error);
            }

            if ((flags & TransportConstants.RadiotapFlagFcsAtEnd) != 0)
            {
                if (end - headerLength < TransportConstants.FcsLength)
                {
                    return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, headerLength, "Fcs", out payload, out error);
                }

                end -= TransportConstants.FcsLength;
            }
        }

        return ExtractWifi(frame, headerLength, end, out payload, out error);
    }
}
