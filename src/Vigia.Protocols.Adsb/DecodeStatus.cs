namespace Vigia.Protocols.Adsb;

/// <summary>
/// Outcome of a framer or decoder call; names mirror <see cref="System.Buffers.OperationStatus"/> where they fit
/// (house style §4.1): need-more-data is not an error, malformed and unsupported are never conflated.
/// </summary>
public enum DecodeStatus
{
    /// <summary>A frame was read or a message decoded.</summary>
    Done = 0,

    /// <summary>Stream framing only: the input ends inside a frame; keep the bytes and call again with more.</summary>
    NeedMoreData = 1,

    /// <summary>The bytes violate the format (garbage, bad length, CRC mismatch…); see <see cref="DecodeError"/>.</summary>
    InvalidData = 2,

    /// <summary>Well framed, but a downlink format, type code or subtype this decoder does not implement.</summary>
    Unsupported = 3,
}
