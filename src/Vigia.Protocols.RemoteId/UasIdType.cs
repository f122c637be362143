namespace Vigia.Protocols.RemoteId;

/// <summary>Basic ID "ID Type" (byte 1, high nibble).</summary>
/// <remarks>ASTM F3411-22a Table 4. Values 5..15 are reserved (decoded, flagged as <see cref="RemoteIdAnomalies.ReservedIdType"/>).</remarks>
public enum UasIdType : byte
{
    /// <summary>No ID.</summary>
    None = 0,

    /// <summary>ANSI/CTA-2063-A serial number.</summary>
    SerialNumber = 1,

    /// <summary>CAA-assigned registration ID.</summary>
    CaaRegistrationId = 2,

    /// <summary>UTM-assigned UUID (16 bytes).</summary>
    UtmAssignedUuid = 3,

    /// <summary>Specific session ID (F3411-22a).</summary>
    SpecificSessionId = 4,
}
