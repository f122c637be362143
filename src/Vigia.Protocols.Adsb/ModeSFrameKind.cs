namespace Vigia.Protocols.Adsb;

/// <summary>What a framed reply holds, by its length on the air.</summary>
public enum ModeSFrameKind
{
    /// <summary>No frame.</summary>
    None = 0,

    /// <summary>A Mode A/C reply, 2 bytes (Beast type <c>'1'</c>, AVR 4 hex digits).</summary>
    ModeAC = 1,

    /// <summary>A short Mode S reply, 56 bits = 7 bytes (Beast type <c>'2'</c>).</summary>
    ModeSShort = 2,

    /// <summary>A long Mode S reply, 112 bits = 14 bytes (Beast type <c>'3'</c>).</summary>
    ModeSLong = 3,
}
