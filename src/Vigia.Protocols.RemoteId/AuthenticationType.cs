namespace Vigia.Protocols.RemoteId;

/// <summary>Authentication message "Auth Type" (byte 1, high nibble).</summary>
/// <remarks>ASTM F3411-22a Table 9. 6..9 reserved, 0xA..0xF private use.</remarks>
public enum AuthenticationType : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>UAS ID signature.</summary>
    UasIdSignature = 1,

    /// <summary>Operator ID signature.</summary>
    OperatorIdSignature = 2,

    /// <summary>Message set signature.</summary>
    MessageSetSignature = 3,

    /// <summary>Authentication provided by Network Remote ID.</summary>
    NetworkRemoteId = 4,

    /// <summary>Specific authentication method (F3411-22a).</summary>
    SpecificAuthenticationMethod = 5,
}
