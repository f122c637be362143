namespace Vigia.Protocols.RemoteId;

/// <summary>Operator ID message (type 0x5): the operator's registration number.</summary>
/// <remarks>ASTM F3411-22a §5.4.5.9 Table 12: byte 1 operator ID type, bytes 2..21 the ID, bytes 22..24 reserved.</remarks>
public struct OperatorIdMessage
{
    /// <summary>Operator ID type (0 = operator ID; 1..200 reserved; 201..255 private use).</summary>
    public byte OperatorIdType { get; init; }

    /// <summary>The operator ID up to the first NUL, zero-filled (as the reference decodes it).</summary>
    public RemoteIdBytes20 OperatorId { get; init; }

    /// <summary>The 20 ID bytes as on the air (audit).</summary>
    public RemoteIdBytes20 RawOperatorId { get; init; }

    /// <summary>The three reserved bytes 22..24 as a little-endian integer (audit; should be 0).</summary>
    public int RawReserved { get; init; }
}
