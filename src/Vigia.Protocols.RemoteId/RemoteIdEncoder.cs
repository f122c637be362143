namespace Vigia.Protocols.RemoteId;

/// <summary>
/// Encodes Remote ID messages and message packs from their physical values, refusing what the reference
/// opendroneid-core-c encoder refuses (values outside the format's range), with a clear <see cref="EncodeError"/>.
/// </summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5. Floats are rounded to the nearest step (upstream opendroneid-core-c PR #100);
/// the reference at beb5639 truncates some fields, so results may differ from it by one unit of the last place.
/// The <c>Raw*</c> audit members of the messages are ignored. Thread-safety: stateless.
/// </remarks>
public static partial class RemoteIdEncoder
{
    /// <summary>Encodes one message (not a pack) into 25 bytes.</summary>
    /// <param name="message">The message; its <see cref="RemoteIdMessage.MessageType"/> picks the body.</param>
    /// <param name="destination">At least 25 bytes.</param>
    /// <param name="written">25 on success, else 0.</param>
    /// <param name="error">Why it was refused, else default.</param>
    public static bool TryEncode(in RemoteIdMessage message, Span<byte> destination, out int written, out EncodeError error)
    {
        written = 0;
        if (destination.Length < RemoteIdMessage.Size)
        {
            error = new EncodeError(RemoteIdErrorCode.DestinationTooSmall, "destination");
            return false;
        }

        if (message.ProtocolVersion > 0x0F)
        {
            error = new EncodeError(RemoteIdErrorCode.ValueOutOfRange, "ProtoVersion");
            return false;
        }

        var d = destination[..RemoteIdMessage.Size];
        var field = message.MessageType switch
        {
            RemoteIdMessageType.BasicId => EncodeBasicId(message.BasicId, d),
            RemoteIdMessageType.Location => EncodeLocation(message.Location, d),
            RemoteIdMessageType.Authentication => EncodeAuthentication(message.Authentication, d),
            RemoteIdMessageType.SelfId => EncodeSelfId(message.SelfId, d),
            RemoteIdMessageType.System => EncodeSystem(message.System, d),
            RemoteIdMessageType.OperatorId => EncodeOperatorId(message.OperatorId, d),
            _ => "MessageType",
        };
        if (field is not null)
        {
            error = new EncodeError(field == "MessageType" ? RemoteIdErrorCode.InvalidMessageType : RemoteIdErrorCode.ValueOutOfRange, field);
            return false;
        }

        d[0] = (byte)(((int)message.MessageType << 4) | message.ProtocolVersion);
        written = RemoteIdMessage.Size;
        error = default;
        return true;
    }

    /// <summary>Encodes a decoded (or built) pack: its messages under its header's protocol version.</summary>
    public static bool TryEncode(in RemoteIdMessagePack pack, Span<byte> destination, out int written, out EncodeError error)
    {
        var copy = pack;
        return TryEncodePack(copy.Messages, destination, out written, out error, pack.ProtocolVersion);
    }

    /// <summary>Encodes a message pack of 1..9 messages (3 + 25 × n bytes).</summary>
    /// <param name="messages">The messages, in order; at most one Location, Self-ID, System and Operator ID, two Basic IDs.</param>
    /// <param name="destination">At least 3 + 25 × n bytes.</param>
    /// <param name="written">Bytes written on success, else 0.</param>
    /// <param name="error">Why it was refused, else default.</param>
    /// <param name="protocolVersion">Protocol version nibble of the pack header.</param>
    public static bool TryEncodePack(ReadOnlySpan<RemoteIdMessage> messages, Span<byte> destination, out int written, out EncodeError error, byte protocolVersion = RemoteIdMessage.LatestProtocolVersion)
    {
        written = 0;
        var field = CheckPackContent(messages, out var code);
        if (field is null && protocolVersion > 0x0F)
        {
            (field, code) = ("ProtoVersion", RemoteIdErrorCode.ValueOutOfRange);
        }

        var size = RemoteIdMessagePack.HeaderSize + (messages.Length * RemoteIdMessage.Size);
        if (field is null && destination.Length < size)
        {
            (field, code) = ("destination", RemoteIdErrorCode.DestinationTooSmall);
        }

        if (field is not null)
        {
            error = new EncodeError(code, field);
            return false;
        }

        destination[0] = (byte)(((int)RemoteIdMessageType.MessagePack << 4) | protocolVersion);
        destination[1] = RemoteIdMessage.Size;
        destination[2] = (byte)messages.Length;
        for (var i = 0; i < messages.Length; i++)
        {
            var slot = destination.Slice(RemoteIdMessagePack.HeaderSize + (i * RemoteIdMessage.Size), RemoteIdMessage.Size);
            if (!TryEncode(messages[i], slot, out _, out error))
            {
                destination[..size].Clear();
                return false;
            }
        }

        written = size;
        error = default;
        return true;
    }

    private static string? CheckPackContent(ReadOnlySpan<RemoteIdMessage> messages, out RemoteIdErrorCode code)
    {
        code = RemoteIdErrorCode.PackMessageCountOutOfRange;
        if (messages.Length is 0 or > RemoteIdPackMessages.Capacity)
        {
            return "MsgPackSize";
        }

        Span<int> perType = stackalloc int[(int)RemoteIdMessageType.OperatorId + 1];
        foreach (ref readonly var m in messages)
        {
            if (m.MessageType > RemoteIdMessageType.OperatorId)
            {
                code = RemoteIdErrorCode.InvalidMessageType;
                return "MessageType";
            }

            var n = ++perType[(int)m.MessageType];
            if (m.MessageType == RemoteIdMessageType.BasicId && n > RemoteIdUasData.BasicIdSlots)
            {
                code = RemoteIdErrorCode.PackTooManyBasicIds;
                return "BasicID";
            }

            if (m.MessageType is not RemoteIdMessageType.BasicId and not RemoteIdMessageType.Authentication && n > 1)
            {
                code = RemoteIdErrorCode.PackDuplicateMessage;
                return "MessageType";
            }
        }

        return null;
    }
}
