namespace Vigia.Protocols.Adsb;

/// <summary>How a CPR position was resolved.</summary>
public enum PositionMethod : byte
{
    /// <summary>No position.</summary>
    None = 0,

    /// <summary>Global decode of an even/odd pair within the pair window.</summary>
    Global = 1,

    /// <summary>Local decode against the aircraft's own last position.</summary>
    LocalToAircraft = 2,

    /// <summary>Local decode against the receiver's position (airborne only).</summary>
    LocalToReceiver = 3,
}
