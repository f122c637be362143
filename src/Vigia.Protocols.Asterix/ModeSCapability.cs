namespace Vigia.Protocols.Asterix;

/// <summary>Communications/ACAS capability and flight status of a Mode S transponder (two octets).</summary>
/// <remarks>
/// ASTERIX I048/230 and I062/380 COM: COM (3 bits), STAT (3), SI (1, CAT-048 only; spare in CAT-062), spare,
/// MSSC, ARC, AIC, B1A, B1B (4). Thread-safety: a value.
/// </remarks>
public readonly record struct ModeSCapability(ushort RawItem)
{
    /// <summary>COM: 0 surveillance only, 1 Comm-A/B, 2 + uplink ELM, 3 + downlink ELM, 4 level 5.</summary>
    public int CommunicationsCapability => RawItem >> 13;

    /// <summary>STAT: 0 no alert/no SPI airborne, 1 on ground, 2 alert airborne, 3 alert on ground, 4 alert + SPI, 5 SPI, 7 unknown.</summary>
    public int FlightStatus => (RawItem >> 10) & 7;

    /// <summary>SI: II-code (true) or SI-code (false) capable (CAT-048 only).</summary>
    public bool IsIICodeCapable => (RawItem & 0x0200) != 0;

    /// <summary>MSSC (CAT-048) / SSC (CAT-062): Mode S specific service capability.</summary>
    public bool HasSpecificServiceCapability => (RawItem & 0x0080) != 0;

    /// <summary>ARC: altitude reported in 25 ft (true) or 100 ft (false) resolution.</summary>
    public bool Reports25FeetAltitude => (RawItem & 0x0040) != 0;

    /// <summary>AIC: aircraft identification capability.</summary>
    public bool HasIdentificationCapability => (RawItem & 0x0020) != 0;

    /// <summary>B1A: BDS 1,0 bit 16.</summary>
    public int B1A => (RawItem >> 4) & 1;

    /// <summary>B1B: BDS 1,0 bits 37–40.</summary>
    public int B1B => RawItem & 0x0F;
}
