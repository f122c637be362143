namespace Vigia.Protocols.RemoteId;

/// <summary>Basic ID message (type 0x0): what the UA is and its identifier.</summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5.4 Table 4 / ASD-STAN EN 4709-002: byte 1 = ID type (high nibble) | UA type (low nibble),
/// bytes 2..21 the UAS ID, bytes 22..24 reserved.
/// </remarks>
public struct BasicIdMessage
{
    /// <summary>The kind of identifier in <see cref="UasId"/> (0..15; reserved values are kept).</summary>
    public UasIdType IdType { get; init; }

    /// <summary>The UA type (0..15).</summary>
    public UaType UaType { get; init; }

    /// <summary>
    /// The UAS ID as the reference returns it: for serial numbers and CAA IDs the bytes up to the first NUL,
    /// zero-filled; for other ID types the 20 raw bytes.
    /// </summary>
    public RemoteIdBytes20 UasId { get; init; }

    /// <summary>The 20 UAS ID bytes exactly as on the air (audit).</summary>
    public RemoteIdBytes20 RawUasId { get; init; }

    /// <summary>The three reserved bytes 22..24 as a little-endian integer (audit; should be 0).</summary>
    public int RawReserved { get; init; }
}
