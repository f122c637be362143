namespace Vigia.Protocols.RemoteId;

/// <summary>System message "UA Classification Class" for the EU (byte 17, low nibble).</summary>
/// <remarks>ASD-STAN EN 4709-002 / ASTM F3411-22a Table 11. Values 8..15 are reserved.</remarks>
public enum EuClass : byte
{
    /// <summary>Undeclared.</summary>
    Undeclared = 0,

    /// <summary>Class 0.</summary>
    Class0 = 1,

    /// <summary>Class 1.</summary>
    Class1 = 2,

    /// <summary>Class 2.</summary>
    Class2 = 3,

    /// <summary>Class 3.</summary>
    Class3 = 4,

    /// <summary>Class 4.</summary>
    Class4 = 5,

    /// <summary>Class 5.</summary>
    Class5 = 6,

    /// <summary>Class 6.</summary>
    Class6 = 7,
}
