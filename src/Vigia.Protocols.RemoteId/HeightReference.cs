namespace Vigia.Protocols.RemoteId;

/// <summary>Location message "Height Type" flag (byte 1, bit 2): what <see cref="LocationMessage.HeightMeters"/> is measured from.</summary>
/// <remarks>ASTM F3411-22a Table 7.</remarks>
public enum HeightReference : byte
{
    /// <summary>Height above the take-off location.</summary>
    AboveTakeoff = 0,

    /// <summary>Height above ground level.</summary>
    AboveGroundLevel = 1,
}
