namespace Vigia.Protocols.RemoteId;

/// <summary>The message type nibble (high four bits of byte 0) of a Remote ID message.</summary>
/// <remarks>ASTM F3411-22a §5.4.5 Table 3 / ASD-STAN EN 4709-002 §6.2. Values 6..14 are undefined.</remarks>
public enum RemoteIdMessageType : byte
{
    /// <summary>Basic ID (0x0): UA type, ID type and the UAS ID.</summary>
    BasicId = 0,

    /// <summary>Location/Vector (0x1).</summary>
    Location = 1,

    /// <summary>Authentication (0x2), one page of up to 16.</summary>
    Authentication = 2,

    /// <summary>Self-ID (0x3): free text description.</summary>
    SelfId = 3,

    /// <summary>System (0x4): operator position, area, EU classification.</summary>
    System = 4,

    /// <summary>Operator ID (0x5).</summary>
    OperatorId = 5,

    /// <summary>Message Pack (0xF): up to nine 25-byte messages.</summary>
    MessagePack = 15,
}
