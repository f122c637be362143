namespace Vigia.Protocols.Adsb;

/// <summary>How far the address of a decoded reply can be trusted, and what kind of address it is.</summary>
public enum AddressQualifier : byte
{
    /// <summary>No address.</summary>
    None = 0,

    /// <summary>An ICAO 24-bit address sent in clear and confirmed by the parity (DF11, DF17, DF18 CF 0).</summary>
    Icao = 1,

    /// <summary>
    /// Recovered from an Address/Parity field (DF0/4/5/16/20/21): the CRC syndrome. Any bit error yields another
    /// address, so it is trustworthy only for an aircraft already known from a parity-checked reply.
    /// </summary>
    AddressParity = 2,

    /// <summary>DF18 CF 1 or CF 5: an anonymous, ground-vehicle or other non-ICAO address.</summary>
    NonIcao = 3,

    /// <summary>DF18 CF 2: fine TIS-B about a target with an ICAO address (rebroadcast by a ground station).</summary>
    TisB = 4,

    /// <summary>DF18 CF 6: ADS-R rebroadcast of another link's ADS-B.</summary>
    AdsR = 5,
}
