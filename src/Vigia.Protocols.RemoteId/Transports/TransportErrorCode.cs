namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>Why a transport extraction did not give a payload.</summary>
public enum TransportErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The frame ends before a fixed-size field.</summary>
    Truncated = 1,

    /// <summary>A length read from the frame runs past its end (or past the enclosing structure).</summary>
    LengthOverrun = 2,

    /// <summary>A length read from the frame exceeds the protocol maximum.</summary>
    LengthExceedsMaximum = 3,

    /// <summary>Two lengths that must agree do not (e.g. a NAN attribute length and its service info length).</summary>
    LengthMismatch = 4,

    /// <summary>A field holds a value other than the one the transport requires.</summary>
    UnexpectedValue = 5,

    /// <summary>No Open Drone ID element (AD structure, vendor IE, NAN service) was found.</summary>
    NoRemoteIdElement = 6,

    /// <summary>The Open Drone ID element is present but holds no payload after its header.</summary>
    EmptyPayload = 7,

    /// <summary>The frame kind is not one that carries Remote ID.</summary>
    UnexpectedFrameType = 8,

    /// <summary>The frame is protected (encrypted) and cannot be read.</summary>
    ProtectedFrame = 9,

    /// <summary>The radiotap header says the frame failed its FCS check.</summary>
    BadFcs = 10,

    /// <summary>The radiotap header has a version other than 0.</summary>
    UnsupportedRadiotapVersion = 11,

    /// <summary>The sniffer says the Bluetooth LE packet failed its CRC check.</summary>
    BadCrc = 12,
}
