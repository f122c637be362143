namespace Vigia.Protocols.RemoteId;

/// <summary>Why a Remote ID message or pack was refused by the decoder or the encoder.</summary>
public enum RemoteIdErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>A single message is not exactly 25 bytes.</summary>
    InvalidMessageLength,

    /// <summary>Message type 6..14: not defined by F3411 (status <see cref="DecodeStatus.Unsupported"/> for a single message).</summary>
    UndefinedMessageType,

    /// <summary>A message pack header where a single message was expected.</summary>
    UnexpectedMessagePack,

    /// <summary>Authentication page 0 with LastPageIndex of 16 or more.</summary>
    AuthLastPageIndexOutOfRange,

    /// <summary>Authentication page 0 declares a length larger than its pages can hold (17 + 23 × LastPageIndex bytes).</summary>
    AuthLengthExceedsPages,

    /// <summary>Pack data is shorter than the 3-byte header.</summary>
    PackHeaderTruncated,

    /// <summary>The first byte does not say message type 0xF.</summary>
    NotAMessagePack,

    /// <summary>Pack "Single Message Size" is not 25.</summary>
    PackSingleMessageSizeInvalid,

    /// <summary>Pack message count is 0 or over 9.</summary>
    PackMessageCountOutOfRange,

    /// <summary>Pack data is shorter than 3 + 25 × count bytes.</summary>
    PackTruncated,

    /// <summary>A pack contains another pack.</summary>
    PackNestedMessagePack,

    /// <summary>A pack contains an undefined message type (6..14).</summary>
    PackUndefinedMessageType,

    /// <summary>A pack contains more than one Location, Self-ID, System or Operator ID message.</summary>
    PackDuplicateMessage,

    /// <summary>A pack contains more than two Basic ID messages.</summary>
    PackTooManyBasicIds,

    /// <summary>Encoder: a field value is outside what the format can carry.</summary>
    ValueOutOfRange,

    /// <summary>Encoder: the destination span is too small.</summary>
    DestinationTooSmall,

    /// <summary>Encoder: the message type cannot be encoded here (for example a pack inside a pack).</summary>
    InvalidMessageType,
}
