namespace Vigia.Protocols.RemoteId;

/// <summary>
/// Decodes ASTM F3411 / ASD-STAN EN 4709-002 broadcast Remote ID messages and message packs, protocol versions
/// 0..2 (any other version best-effort, flagged <see cref="RemoteIdAnomalies.UnknownProtocolVersion"/>).
/// </summary>
/// <remarks>
/// Agrees with the reference opendroneid-core-c (beb5639) on every vector of <c>shared/data/remoteid</c>: it
/// reports what the bytes say (sentinels included), refuses what the reference refuses, and refuses truncated
/// input the reference cannot see. Never throws on bad data and allocates nothing. Thread-safety: stateless.
/// </remarks>
public static partial class RemoteIdDecoder
{
    /// <summary>Decodes one 25-byte message (any type but a pack).</summary>
    /// <param name="message25">Exactly <see cref="RemoteIdMessage.Size"/> bytes.</param>
    /// <param name="message">The decoded message when the result is <see cref="DecodeStatus.Done"/>, else default.</param>
    /// <param name="error">Why it was refused, else default.</param>
    public static DecodeStatus TryDecodeMessage(ReadOnlySpan<byte> message25, out RemoteIdMessage message, out DecodeError error)
    {
        if (message25.Length != RemoteIdMessage.Size)
        {
            message = default;
            error = new DecodeError(RemoteIdErrorCode.InvalidMessageLength, 0, "message", RemoteIdMessage.Size, message25.Length);
            return DecodeStatus.InvalidData;
        }

        var type = message25[0] >> 4;
        switch (type)
        {
            case (int)RemoteIdMessageType.BasicId:
                message = DecodeBasicId(message25);
                break;
            case (int)RemoteIdMessageType.Location:
                message = DecodeLocation(message25);
                break;
            case (int)RemoteIdMessageType.Authentication:
                return TryDecodeAuthentication(message25, out message, out error);
            case (int)RemoteIdMessageType.SelfId:
                message = DecodeSelfId(message25);
                break;
            case (int)RemoteIdMessageType.System:
                message = DecodeSystem(message25);
                break;
            case (int)RemoteIdMessageType.OperatorId:
                message = DecodeOperatorId(message25);
                break;
            case (int)RemoteIdMessageType.MessagePack:
                message = default;
                error = new DecodeError(RemoteIdErrorCode.UnexpectedMessagePack, 0, "MessageType");
                return DecodeStatus.InvalidData;
            default:
                message = default;
                error = new DecodeError(RemoteIdErrorCode.UndefinedMessageType, 0, "MessageType", -1, type);
                return DecodeStatus.Unsupported;
        }

        error = default;
        return DecodeStatus.Done;
    }

    /// <summary>Decodes one message or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The bytes are refused.</exception>
    public static RemoteIdMessage Decode(ReadOnlySpan<byte> message25)
    {
        var status = TryDecodeMessage(message25, out var message, out var error);
        if (status != DecodeStatus.Done)
        {
            RemoteIdThrowHelper.ThrowDecode(status, error);
        }

        return message;
    }

    /// <summary>Decodes a message pack or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The bytes are refused.</exception>
    public static RemoteIdMessagePack DecodePack(ReadOnlySpan<byte> pack)
    {
        var status = TryDecodePack(pack, out var result, out var error);
        if (status != DecodeStatus.Done)
        {
            RemoteIdThrowHelper.ThrowDecode(status, error);
        }

        return result;
    }

    private static RemoteIdAnomalies HeaderAnomalies(byte header) =>
        (header & 0x0F) > RemoteIdMessage.LatestProtocolVersion ? RemoteIdAnomalies.UnknownProtocolVersion : RemoteIdAnomalies.None;
}
