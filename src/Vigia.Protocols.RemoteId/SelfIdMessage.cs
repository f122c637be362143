namespace Vigia.Protocols.RemoteId;

/// <summary>Self-ID message (type 0x3): a free-text description of the flight.</summary>
/// <remarks>ASTM F3411-22a §5.4.5.7 Table 10: byte 1 description type, bytes 2..24 text (23 bytes).</remarks>
public struct SelfIdMessage
{
    /// <summary>Description type (0 text, 1 emergency, 2 extended status; 3..200 reserved; 201..255 private).</summary>
    public SelfIdDescriptionType DescriptionType { get; init; }

    /// <summary>The text up to the first NUL, zero-filled (as the reference decodes it).</summary>
    public RemoteIdBytes23 Description { get; init; }

    /// <summary>The 23 text bytes as on the air (audit).</summary>
    public RemoteIdBytes23 RawDescription { get; init; }
}
