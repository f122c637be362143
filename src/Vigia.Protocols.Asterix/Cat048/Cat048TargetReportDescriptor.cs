namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/020 Target Report Descriptor: detection type and report properties (1 to 3 octets).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 ed. 1.31 §I048/020. Primary octet TYP SIM RDP SPI RAB; first extension TST ERR XPP ME MI
/// FOE/FRI; second extension ADSB, SCN, PAI (populated and value bits). Absent extensions read as zero.
/// Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048TargetReportDescriptor(uint RawOctets, int OctetCount)
{
    /// <summary>TYP: which sensors detected the target.</summary>
    public Cat048DetectionType DetectionType => (Cat048DetectionType)(Octet(0) >> 5);

    /// <summary>SIM: simulated target report.</summary>
    public bool IsSimulated => (Octet(0) & 0x10) != 0;

    /// <summary>RDP: report from RDP chain 2 (false: chain 1).</summary>
    public bool IsFromRdpChain2 => (Octet(0) & 0x08) != 0;

    /// <summary>SPI: special position identification.</summary>
    public bool HasSpi => (Octet(0) & 0x04) != 0;

    /// <summary>RAB: report from a field monitor (fixed transponder) rather than an aircraft.</summary>
    public bool IsFromFieldMonitor => (Octet(0) & 0x02) != 0;

    /// <summary>TST (first extension): test target report.</summary>
    public bool IsTest => (Octet(1) & 0x80) != 0;

    /// <summary>ERR (first extension): extended range present (range beyond I048/040's 256 NM; value in RE).</summary>
    public bool HasExtendedRange => (Octet(1) & 0x40) != 0;

    /// <summary>XPP (first extension): X-pulse present.</summary>
    public bool HasXPulse => (Octet(1) & 0x20) != 0;

    /// <summary>ME (first extension): military emergency.</summary>
    public bool IsMilitaryEmergency => (Octet(1) & 0x10) != 0;

    /// <summary>MI (first extension): military identification.</summary>
    public bool IsMilitaryIdentification => (Octet(1) & 0x08) != 0;

    /// <summary>FOE/FRI (first extension): 0 no Mode 4 interrogation, 1 friendly, 2 unknown, 3 no reply.</summary>
    public int Mode4Result => (Octet(1) >> 1) & 3;

    /// <summary>The second extension's six bits (ADSB EP/VAL, SCN EP/VAL, PAI EP/VAL), bit 5 = ADSB EP.</summary>
    public int OnSiteInformationBits => Octet(2) >> 2;

    private int Octet(int index) => index < OctetCount ? (int)((RawOctets >> (16 - (8 * index))) & 0xFF) : 0;

    internal static Cat048TargetReportDescriptor From(ReadOnlySpan<byte> item)
    {
        uint raw = 0;
        var count = Math.Min(item.Length, 3);
        for (var i = 0; i < count; i++)
        {
            raw |= (uint)item[i] << (16 - (8 * i));
        }

        return new Cat048TargetReportDescriptor(raw, count);
    }
}
