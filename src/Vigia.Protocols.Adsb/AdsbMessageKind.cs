namespace Vigia.Protocols.Adsb;

/// <summary>Which body of a <see cref="ModeSMessage"/> is filled.</summary>
public enum AdsbMessageKind : byte
{
    /// <summary>Nothing beyond the header.</summary>
    None = 0,

    /// <summary>ES type codes 1–4: identification and category (BDS 0,8).</summary>
    Identification,

    /// <summary>ES type codes 5–8: surface position (BDS 0,6).</summary>
    SurfacePosition,

    /// <summary>ES type codes 9–18 and 20–22: airborne position (BDS 0,5).</summary>
    AirbornePosition,

    /// <summary>ES type code 19: airborne velocity (BDS 0,9).</summary>
    AirborneVelocity,

    /// <summary>ES type code 31: aircraft operational status (BDS 6,5).</summary>
    OperationalStatus,

    /// <summary>DF0/4/16/20: an altitude code field (AC).</summary>
    SurveillanceAltitude,

    /// <summary>DF5/21: an identity (Mode A code) field (ID).</summary>
    SurveillanceIdentity,

    /// <summary>DF11: an all-call reply (address and capability only).</summary>
    AllCall,
}
