namespace Vigia.Protocols.RemoteId;

/// <summary>System message "Operator Location/Altitude Source Type" (byte 1, bits 1..0).</summary>
/// <remarks>ASTM F3411-22a Table 11. Value 3 is reserved.</remarks>
public enum OperatorLocationType : byte
{
    /// <summary>Take-off location.</summary>
    TakeOff = 0,

    /// <summary>Dynamic (live GNSS) location.</summary>
    LiveGnss = 1,

    /// <summary>Fixed location.</summary>
    Fixed = 2,
}
