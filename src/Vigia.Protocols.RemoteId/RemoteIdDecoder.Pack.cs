namespace Vigia.Protocols.RemoteId;

public static partial class RemoteIdDecoder
{
    /// <summary>Decodes a message pack into a fixed-capacity value (no allocation).</summary>
    /// <param name="pack">The pack bytes from the header on; bytes beyond 3 + 25 × count are ignored (flagged when not zero).</param>
    /// <param name="messagePack">The decoded pack when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">Why it was refused, else default.</param>
    public static DecodeStatus TryDecodePack(ReadOnlySpan<byte> pack, out RemoteIdMessagePack messagePack, out DecodeError error)
    {
        messagePack = default;
        var status = TryDecodePack(pack, messagePack.Slots, out var info, out error);
        messagePack.ProtocolVersion = info.ProtocolVersion;
        messagePack.DeclaredCount = info.DeclaredCount;
        messagePack.Count = info.Count;
        messagePack.DroppedCount = info.DroppedCount;
        messagePack.Anomalies = info.Anomalies;
        return status;
    }

    /// <summary>Decodes a message pack into a caller-provided span.</summary>
    /// <param name="pack">The pack bytes from the header on.</param>
    /// <param name="destination">Receives the decoded messages; must hold the declared count (9 always suffices).</param>
    /// <param name="info">Header, counts and pack anomalies (counts are 0 when refused).</param>
    /// <param name="error">Why it was refused, else default.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the declared count.</exception>
    /// <remarks>
    /// Checks, in order: header present, type 0xF, single message size 25, count 1..9, data length 3 + 25 × count,
    /// and content (no nested pack or undefined type, at most one Location, Self-ID, System and Operator ID,
    /// at most two Basic IDs), as the reference's <c>odid_message_process_pack</c> does.
    /// </remarks>
    public static DecodeStatus TryDecodePack(ReadOnlySpan<byte> pack, Span<RemoteIdMessage> destination, out RemoteIdPackInfo info, out DecodeError error)
    {
        info = default;
        var status = CheckPackHeader(pack, out var count, out error);
        if (status != DecodeStatus.Done)
        {
            return status;
        }

        var body = pack.Slice(RemoteIdMessagePack.HeaderSize, count * RemoteIdMessage.Size);
        status = CheckPackContent(body, out var anomalies, out error);
        if (status != DecodeStatus.Done)
        {
            return status;
        }

        if (destination.Length < count)
        {
            RemoteIdThrowHelper.ThrowDestinationTooSmall(nameof(destination));
        }

        anomalies |= HeaderAnomalies(pack[0]);
        if (pack[(RemoteIdMessagePack.HeaderSize + body.Length)..].ContainsAnyExcept((byte)0))
        {
            anomalies |= RemoteIdAnomalies.PackTrailingData;
        }

        var decoded = 0;
        for (var i = 0; i < count; i++)
        {
            var one = body.Slice(i * RemoteIdMessage.Size, RemoteIdMessage.Size);
            if (TryDecodeMessage(one, out destination[decoded], out _) == DecodeStatus.Done)
            {
                decoded++;
            }
        }

        if (decoded < count)
        {
            anomalies |= RemoteIdAnomalies.PackMessageDropped;
        }

        info = new RemoteIdPackInfo((byte)(pack[0] & 0x0F), count, decoded, count - decoded, anomalies);
        return DecodeStatus.Done;
    }

    private static DecodeStatus CheckPackHeader(ReadOnlySpan<byte> pack, out int count, out DecodeError error)
    {
        count = 0;
        error = default;
        if (pack.Length < RemoteIdMessagePack.HeaderSize)
        {
            error = new DecodeError(RemoteIdErrorCode.PackHeaderTruncated, 0, "MessagePack", RemoteIdMessagePack.HeaderSize, pack.Length);
        }
        else if (pack[0] >> 4 != (int)RemoteIdMessageType.MessagePack)
        {
            error = new DecodeError(RemoteIdErrorCode.NotAMessagePack, 0, "MessageType", (int)RemoteIdMessageType.MessagePack, pack[0] >> 4);
        }
        else if (pack[1] != RemoteIdMessage.Size)
        {
            error = new DecodeError(RemoteIdErrorCode.PackSingleMessageSizeInvalid, 1, "SingleMessageSize", RemoteIdMessage.Size, pack[1]);
        }
        else if (pack[2] is 0 or > RemoteIdPackMessages.Capacity)
        {
            error = new DecodeError(RemoteIdErrorCode.PackMessageCountOutOfRange, 2, "MsgPackSize", RemoteIdPackMessages.Capacity, pack[2]);
        }
        else if (pack.Length < RemoteIdMessagePack.HeaderSize + (pack[2] * RemoteIdMessage.Size))
        {
            error = new DecodeError(RemoteIdErrorCode.PackTruncated, pack.Length, "Messages", RemoteIdMessagePack.HeaderSize + (pack[2] * RemoteIdMessage.Size), pack.Length);
        }
        else
        {
            count = pack[2];
            return DecodeStatus.Done;
        }

        return DecodeStatus.InvalidData;
    }

    private static DecodeStatus CheckPackContent(ReadOnlySpan<byte> body, out RemoteIdAnomalies anomalies, out DecodeError error)
    {
        anomalies = RemoteIdAnomalies.None;
        error = default;
        Span<int> perType = stackalloc int[(int)RemoteIdMessageType.OperatorId + 1];
        var idTypesSeen = 0;
        var authPagesSeen = 0;
        for (var offset = 0; offset < body.Length; offset += RemoteIdMessage.Size)
        {
            var at = RemoteIdMessagePack.HeaderSize + offset;
            var type = body[offset] >> 4;
            if (type == (int)RemoteIdMessageType.MessagePack)
            {
                error = new DecodeError(RemoteIdErrorCode.PackNestedMessagePack, at, "MessageType");
                return DecodeStatus.InvalidData;
            }

            if (type > (int)RemoteIdMessageType.OperatorId)
            {
                error = new DecodeError(RemoteIdErrorCode.PackUndefinedMessageType, at, "MessageType", -1, type);
                return DecodeStatus.InvalidData;
            }

            var n = ++perType[type];
            if (type == (int)RemoteIdMessageType.BasicId)
            {
                if (n > 2)
                {
                    error = new DecodeError(RemoteIdErrorCode.PackTooManyBasicIds, at, "BasicID", 2, n);
                    return DecodeStatus.InvalidData;
                }

                anomalies |= Seen(ref idTypesSeen, body[offset + 1] >> 4);
            }
            else if (type == (int)RemoteIdMessageType.Authentication)
            {
                anomalies |= Seen(ref authPagesSeen, body[offset + 1] & 0x0F);
            }
            else if (n > 1)
            {
                error = new DecodeError(RemoteIdErrorCode.PackDuplicateMessage, at, "MessageType", 1, n);
                return DecodeStatus.InvalidData;
            }
        }

        return DecodeStatus.Done;
    }

    private static RemoteIdAnomalies Seen(ref int mask, int index)
    {
        var bit = 1 << index;
        var repeated = (mask & bit) != 0;
        mask |= bit;
        return repeated ? RemoteIdAnomalies.PackEntryOverwritten : RemoteIdAnomalies.None;
    }
}
