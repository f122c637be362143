namespace Vigia.Protocols.RemoteId.Transports;

public static partial class RemoteIdTransport
{
    // Extended header fields in order, with their sizes (Core 5.3 Vol 6 Part B §2.3.4, Table 2.12):
    // AdvA, TargetA, CTEInfo, ADI, AuxPtr, SyncInfo, TxPower.
    private static ReadOnlySpan<byte> ExtendedHeaderFieldSizes => [6, 6, 1, 2, 3, 18, 1];

    /// <summary>
    /// Extracts the payload from Bluetooth LE AdvData whose origin is unknown: it is taken as legacy
    /// (one message) when it fits a legacy advertisement and holds a single message, else as extended.
    /// </summary>
    /// <param name="advData">The AdvData: a sequence of AD structures (Core 5.3 Vol 3 Part C §11).</param>
    /// <param name="payload">The payload (no sender address: AdvData holds none).</param>
    /// <param name="error">Why not, when the result is not <see cref="TransportStatus.Done"/>.</param>
    /// <returns>The outcome.</returns>
    public static TransportStatus TryExtractBluetoothAdvertisingData(
        ReadOnlySpan<byte> advData,
        out RemoteIdPayload payload,
        out TransportError error) =>
        ExtractAdvData(advData, 0, advData.Length, TransportKind.None, out payload, out error);

    /// <summary>
    /// Extracts the payload from a Bluetooth LE advertising-channel PDU: 2-byte header, then the
    /// payload (no access address, no CRC; bytes after the header's length are ignored). Legacy
    /// ADV_IND, ADV_NONCONN_IND, ADV_SCAN_IND and SCAN_RSP, and the extended ADV_EXT_IND / AUX_ADV_IND /
    /// AUX_CHAIN_IND format are read; the sender is the AdvA when present.
    /// </summary>
    /// <param name="pdu">The PDU from its header.</param>
    /// <param name="payload">The payload, with offsets into <paramref name="pdu"/>.</param>
    /// <param name="error">Why not, when the result is not <see cref="TransportStatus.Done"/>.</param>
    /// <returns>The outcome.</returns>
    /// <remarks>Core 5.3 Vol 6 Part B §2.3.1 (legacy) and §2.3.4 (common extended advertising payload format).</remarks>
    public static TransportStatus TryExtractAdvertisingPdu(
        ReadOnlySpan<byte> pdu,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        if (pdu.Length < TransportConstants.AdvPduHeaderLength)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, 0, "Pdu.Header", out payload, out error);
        }

        var type = pdu[0] & 0x0F;
        var end = TransportConstants.AdvPduHeaderLength + pdu[1];
        if (end > pdu.Length)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, 1, "Pdu.Length", out payload, out error, pdu.Length - 2, pdu[1]);
        }

        int dataStart;
        var hasAdvA = true;
        TransportKind kind;
        switch (type)
        {
            case 0x0 or 0x2 or 0x4 or 0x6: // ADV_IND, ADV_NONCONN_IND, SCAN_RSP, ADV_SCAN_IND
                if (end < 2 + SenderAddress.Length)
                {
                    return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, 2, "Pdu.AdvA", out payload, out error);
                }

                dataStart = 2 + SenderAddress.Length;
                kind = TransportKind.Bluetooth4Legacy;
                break;
            case TransportConstants.PduTypeExtended:
                var status = ReadExtendedHeader(pdu, end, out dataStart, out hasAdvA, out error);
                if (status != TransportStatus.Done)
                {
                    payload = default;
                    return status;
                }

                kind = TransportKind.Bluetooth5Extended;
                break;
            default:
                return Fail(TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedFrameType, 0, "Pdu.Type", out payload, out error, -1, type);
        }

        var result = ExtractAdvData(pdu, dataStart, end, kind, out payload, out error);
        if (result == TransportStatus.Done && hasAdvA)
        {
            // AdvA follows the header in legacy PDUs, and the extended header length and flags bytes otherwise.
            var advAOffset = kind == TransportKind.Bluetooth4Legacy ? 2 : 4;
            payload = payload.WithSender(SenderAddress.FromBluetoothAirOrder(pdu.Slice(advAOffset)));
        }

        return result;
    }

    private static TransportStatus ReadExtendedHeader(ReadOnlySpan<byte> pdu, int end, out int dataStart, out bool hasAdvA, out TransportError error)
    {
        dataStart = 0;
        hasAdvA = false;
        if (end < 3)
        {
            error = new TransportError(TransportErrorCode.Truncated, 2, "ExtendedHeader.Length");
            return TransportStatus.InvalidData;
        }

        var headerLength = pdu[2] & 0x3F;
        var headerEnd = 3 + headerLength;
        if (headerEnd > end)
        {
            error = new TransportError(TransportErrorCode.LengthOverrun, 2, "ExtendedHeader.Length", end - 3, headerLength);
            return TransportStatus.InvalidData;
        }

        if (headerLength > 0)
        {
            var flags = pdu[3];
            var fieldsEnd = 4;
            for (var bit = 0; bit < ExtendedHeaderFieldSizes.Length; bit++)
            {
                if ((flags & (1 << bit)) != 0)
                {
                    fieldsEnd += ExtendedHeaderFieldSizes[bit];
                }
            }

            if (fieldsEnd > headerEnd)
            {
                error = new TransportError(TransportErrorCode.LengthOverrun, 3, "ExtendedHeader.Flags", headerLength, fieldsEnd - 3);
                return TransportStatus.InvalidData;
            }

            hasAdvA = (flags & 0x01) != 0;
        }

        dataStart = headerEnd;
        error = default;
        return TransportStatus.Done;
    }

    private static TransportStatus ExtractAdvData(
        ReadOnlySpan<byte> frame,
        int start,
        int end,
        TransportKind kind,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        var length = end - start;
        var maximum = kind == TransportKind.Bluetooth4Legacy ? TransportConstants.LegacyAdvDataMaximum : TransportConstants.ExtendedAdvDataMaximum;
        if (length > maximum)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthExceedsMaximum, start, "AdvData", out payload, out error, maximum, length);
        }

        var i = start;
        while (i < end)
        {
            var adLength = frame[i];
            if (adLength == 0)
            {
                break; // early termination: the rest is zero padding (Core 5.3 Vol 3 Part C §11)
            }

            var adEnd = i + 1 + adLength;
            if (adEnd > end)
            {
                return Fail(TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, i, "AdStructure.Length", out payload, out error, end - i - 1, adLength);
            }

            if (adLength >= 3
                && frame[i + 1] == TransportConstants.AdTypeServiceData16
                && frame[i + 2] == TransportConstants.OdidUuidLow
                && frame[i + 3] == TransportConstants.OdidUuidHigh)
            {
                return ExtractServiceData(frame, i, adEnd, length, kind, out payload, out error);
            }

            i = adEnd;
        }

        return Fail(TransportStatus.NotRemoteId, TransportErrorCode.NoRemoteIdElement, start, "AdStructure.ServiceUuid", out payload, out error);
    }

    private static TransportStatus ExtractServiceData(
        ReadOnlySpan<byte> frame,
        int adStart,
        int adEnd,
        int advDataLength,
        TransportKind kind,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        var appCodeOffset = adStart + 4;
        if (appCodeOffset >= adEnd)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, appCodeOffset, "ServiceData.AppCode", out payload, out error);
        }

        if (frame[appCodeOffset] != TransportConstants.OdidAppCode)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, appCodeOffset, "ServiceData.AppCode", out payload, out error, TransportConstants.OdidAppCode, frame[appCodeOffset]);
        }

        var counterOffset = appCodeOffset + 1;
        if (counterOffset >= adEnd)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.EmptyPayload, counterOffset, "ServiceData.MessageCounter", out payload, out error);
        }

        var status = Found(frame, kind, counterOffset, adEnd, default, hasSender: false, legacyOui: false, out payload, out error);
        if (status != TransportStatus.Done)
        {
            return status;
        }

        if (kind == TransportKind.None)
        {
            var legacy = advDataLength <= TransportConstants.LegacyAdvDataMaximum && payload.Format == PayloadFormat.SingleMessage;
            kind = legacy ? TransportKind.Bluetooth4Legacy : TransportKind.Bluetooth5Extended;
            payload = new RemoteIdPayload(kind, payload.Format, payload.Offset, payload.Length, payload.MessageCounter, default, false, false);
        }

        if (kind == TransportKind.Bluetooth4Legacy && payload.Length < TransportConstants.MessageSize)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.Truncated, payload.Offset, "Message", out payload, out error, TransportConstants.MessageSize, payload.Length);
        }

        return status;
    }
}
