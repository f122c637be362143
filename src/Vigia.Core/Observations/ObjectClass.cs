namespace Vigia.Core.Observations;

/// <summary>What an object is believed to be. Written on the wire as snake case (<c>uav_rotary_wing</c>).</summary>
public enum ObjectClass
{
    /// <summary>Not known (a radar plot alone).</summary>
    Unknown = 0,

    /// <summary>An unmanned aircraft of unknown type.</summary>
    Uav = 1,

    /// <summary>A multirotor or helicopter drone.</summary>
    UavRotaryWing = 2,

    /// <summary>A fixed-wing drone.</summary>
    UavFixedWing = 3,

    /// <summary>A manned aircraft (ADS-B, or a sensor that says so): shown, never alerted on.</summary>
    MannedAircraft = 4,

    /// <summary>A bird.</summary>
    Bird = 5,

    /// <summary>A ground vehicle.</summary>
    GroundVehicle = 6,

    /// <summary>A person.</summary>
    Person = 7,

    /// <summary>Anything else a sensor names.</summary>
    Other = 8,
}
