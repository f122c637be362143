namespace Vigia.Protocols.Adsb;

/// <summary>What one message changed in an aircraft's state.</summary>
[Flags]
public enum AircraftChanges
{
    /// <summary>Nothing (an unknown Address/Parity address, or a message with no state to keep).</summary>
    None = 0,

    /// <summary>A new entry was made for this address.</summary>
    Created = 1 << 0,

    /// <summary>A position was resolved.</summary>
    Position = 1 << 1,

    /// <summary>Barometric altitude or GNSS height.</summary>
    Altitude = 1 << 2,

    /// <summary>Callsign and category.</summary>
    Identification = 1 << 3,

    /// <summary>Airborne velocity.</summary>
    Velocity = 1 << 4,

    /// <summary>Mode A code.</summary>
    Squawk = 1 << 5,

    /// <summary>Operational status (version, NACp).</summary>
    Status = 1 << 6,

    /// <summary>The message was seen (always set when the address is known).</summary>
    Seen = 1 << 7,
}
