namespace Vigia.Sensors.Capture;

/// <summary>Why a capture file could not be read further.</summary>
public enum CaptureErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The file ends inside a header, a block or a packet.</summary>
    Truncated = 1,

    /// <summary>The file does not start with a pcap or pcapng magic number.</summary>
    UnknownFormat = 2,

    /// <summary>A format version this reader does not know.</summary>
    UnsupportedVersion = 3,

    /// <summary>A length exceeds the format's maximum (a sign of corruption).</summary>
    LengthExceedsMaximum = 4,

    /// <summary>A length is smaller than its structure's minimum, not a multiple of 4, or runs past its block.</summary>
    BadLength = 5,

    /// <summary>A pcapng block's trailing length differs from its leading length.</summary>
    LengthMismatch = 6,

    /// <summary>A packet refers to an interface that no Interface Description Block declared.</summary>
    UnknownInterface = 7,

    /// <summary>A timestamp resolution this reader cannot represent, or a timestamp beyond ±292 years.</summary>
    TimestampOutOfRange = 8,

    /// <summary>More interfaces than the reader's cap.</summary>
    TooManyInterfaces = 9,

    /// <summary>The underlying stream failed.</summary>
    IoError = 10,
}
