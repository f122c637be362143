namespace Vigia.Protocols.RemoteId;

/// <summary>Location message "Status" (byte 1, high nibble).</summary>
/// <remarks>ASTM F3411-22a Table 7. Values 5..15 are reserved.</remarks>
public enum OperationalStatus : byte
{
    /// <summary>Undeclared.</summary>
    Undeclared = 0,

    /// <summary>On the ground.</summary>
    Ground = 1,

    /// <summary>Airborne.</summary>
    Airborne = 2,

    /// <summary>Emergency.</summary>
    Emergency = 3,

    /// <summary>Remote ID system failure (F3411-22a).</summary>
    RemoteIdSystemFailure = 4,
}
