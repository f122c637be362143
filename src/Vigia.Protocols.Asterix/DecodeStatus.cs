namespace Vigia.Protocols.Asterix;

/// <summary>Outcome of an ASTERIX decode step; names mirror <see cref="System.Buffers.OperationStatus"/> where they fit.</summary>
/// <remarks>House style §4.1: need-more-data, malformed and unsupported are never conflated.</remarks>
public enum DecodeStatus
{
    /// <summary>Decoded.</summary>
    Done = 0,

    /// <summary>The bytes violate the format (length, FSPEC/FX bound, truncated item…); see <see cref="DecodeError"/>.</summary>
    InvalidData = 1,

    /// <summary>Well framed, but a category or edition this decoder does not implement; count it, do not warn per block.</summary>
    Unsupported = 2,

    /// <summary>Stream framing only (<see cref="Framing.AsterixFraming.TryReadBlock"/>): the block is not complete yet. Not an error.</summary>
    NeedMoreData = 3,
}
