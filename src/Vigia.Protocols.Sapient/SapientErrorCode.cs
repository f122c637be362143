namespace Vigia.Protocols.Sapient;

/// <summary>Why SAPIENT bytes were refused by the framer, the decoder or the writer.</summary>
public enum SapientErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The length prefix is zero: a SAPIENT message always carries at least a timestamp and a node ID.</summary>
    EmptyFrame,

    /// <summary>The length prefix exceeds the configured maximum frame length (or 2³¹ − 1).</summary>
    FrameTooLong,

    /// <summary>A single frame was given with fewer bytes than its length prefix (or its prefix) needs.</summary>
    FrameTruncated,

    /// <summary>A single frame was given with bytes after the length its prefix declares.</summary>
    TrailingBytes,

    /// <summary>A protobuf varint (tag or value) runs past the end of its message or over 10 bytes.</summary>
    TruncatedVarint,

    /// <summary>A length-delimited protobuf field declares more bytes than its enclosing message holds.</summary>
    LengthExceedsMessage,

    /// <summary>A fixed 32- or 64-bit protobuf field runs past the end of its message.</summary>
    TruncatedFixed,

    /// <summary>A protobuf tag with field number 0 or a wire type that is not 0, 1, 2 or 5 (groups are not used by SAPIENT).</summary>
    InvalidTag,

    /// <summary>A known field arrives with a wire type its declaration does not allow.</summary>
    WrongWireType,

    /// <summary>Messages nested deeper than the protobuf recursion limit.</summary>
    NestingTooDeep,

    /// <summary>The protobuf runtime refused the bytes for another reason (for example a string that is not UTF-8).</summary>
    InvalidProtobuf,

    /// <summary>Writer: the destination span cannot hold the frame.</summary>
    DestinationTooSmall,
}
