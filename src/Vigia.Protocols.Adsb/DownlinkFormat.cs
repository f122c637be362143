namespace Vigia.Protocols.Adsb;

/// <summary>The Mode S downlink format (first 5 bits of a reply; ICAO Annex 10 Vol IV §3.1.2.3.2.1.2).</summary>
public enum DownlinkFormat : byte
{
    /// <summary>DF0: short air-air surveillance (ACAS), altitude, Address/Parity.</summary>
    ShortAirAirSurveillance = 0,

    /// <summary>DF4: surveillance altitude reply, Address/Parity.</summary>
    SurveillanceAltitudeReply = 4,

    /// <summary>DF5: surveillance identity reply (Mode A code), Address/Parity.</summary>
    SurveillanceIdentityReply = 5,

    /// <summary>DF11: all-call reply, address in clear, Parity/Interrogator identifier.</summary>
    AllCallReply = 11,

    /// <summary>DF16: long air-air surveillance (ACAS), altitude, Address/Parity.</summary>
    LongAirAirSurveillance = 16,

    /// <summary>DF17: extended squitter (ADS-B) from a Mode S transponder.</summary>
    ExtendedSquitter = 17,

    /// <summary>DF18: extended squitter from a non-transponder device, TIS-B or ADS-R.</summary>
    ExtendedSquitterNonTransponder = 18,

    /// <summary>DF19: military extended squitter.</summary>
    MilitaryExtendedSquitter = 19,

    /// <summary>DF20: Comm-B altitude reply, Address/Parity.</summary>
    CommBAltitudeReply = 20,

    /// <summary>DF21: Comm-B identity reply, Address/Parity.</summary>
    CommBIdentityReply = 21,

    /// <summary>DF24: Comm-D extended length message (first two bits 11).</summary>
    CommD = 24,
}
