namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>I034/000 Message Type (other values pass through as their number).</summary>
public enum Cat034MessageType
{
    /// <summary>1: north marker (the antenna crossed north).</summary>
    NorthMarker = 1,

    /// <summary>2: sector crossing (I034/020 gives the sector).</summary>
    SectorCrossing = 2,

    /// <summary>3: geographical filtering.</summary>
    GeographicalFiltering = 3,

    /// <summary>4: jamming strobe.</summary>
    JammingStrobe = 4,

    /// <summary>5: solar storm.</summary>
    SolarStorm = 5,

    /// <summary>6: SSR jamming strobe.</summary>
    SsrJammingStrobe = 6,

    /// <summary>7: Mode S jamming strobe.</summary>
    ModeSJammingStrobe = 7,
}
