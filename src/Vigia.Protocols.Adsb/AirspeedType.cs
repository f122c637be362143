namespace Vigia.Protocols.Adsb;

/// <summary>Which airspeed subtypes 3 and 4 of the airborne velocity message carry (ME bit 25).</summary>
public enum AirspeedType : byte
{
    /// <summary>Indicated airspeed.</summary>
    Indicated = 0,

    /// <summary>True airspeed.</summary>
    True = 1,
}
