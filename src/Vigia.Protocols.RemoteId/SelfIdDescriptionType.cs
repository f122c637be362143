namespace Vigia.Protocols.RemoteId;

/// <summary>Self-ID "Description Type" (byte 1).</summary>
/// <remarks>ASTM F3411-22a Table 10. 3..200 reserved, 201..255 private use.</remarks>
public enum SelfIdDescriptionType : byte
{
    /// <summary>Free text.</summary>
    Text = 0,

    /// <summary>Emergency description (F3411-22a).</summary>
    Emergency = 1,

    /// <summary>Extended status (F3411-22a).</summary>
    ExtendedStatus = 2,
}
