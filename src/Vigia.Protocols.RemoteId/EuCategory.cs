namespace Vigia.Protocols.RemoteId;

/// <summary>System message "UA Classification Category" for the EU (byte 17, high nibble).</summary>
/// <remarks>ASD-STAN EN 4709-002 / ASTM F3411-22a Table 11. Values 4..15 are reserved.</remarks>
public enum EuCategory : byte
{
    /// <summary>Undeclared.</summary>
    Undeclared = 0,

    /// <summary>Open category.</summary>
    Open = 1,

    /// <summary>Specific category.</summary>
    Specific = 2,

    /// <summary>Certified category.</summary>
    Certified = 3,
}
