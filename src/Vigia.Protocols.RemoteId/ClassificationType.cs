namespace Vigia.Protocols.RemoteId;

/// <summary>System message "Classification Type" (byte 1, bits 4..2).</summary>
/// <remarks>ASTM F3411-22a Table 11. Values 2..7 are reserved.</remarks>
public enum ClassificationType : byte
{
    /// <summary>Undeclared.</summary>
    Undeclared = 0,

    /// <summary>European Union (category and class fields apply).</summary>
    EuropeanUnion = 1,
}
