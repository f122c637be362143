namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/040 Target Report Descriptor (1 to 5 octets); bits of absent extensions read as zero.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/040. Octets: ATP(3) ARC(2) RC RAB | DCR GBS SIM TST SAA CL(2) |
/// spare LLC IPC NOGO CPR LDPJ RCF | TBC (EP, VAL 6) | MBC (EP, VAL 6). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat021TargetReportDescriptor(ulong RawOctets, int OctetCount)
{
    /// <summary>ATP: 0 24-bit ICAO address, 1 duplicate, 2 surface vehicle, 3 anonymous.</summary>
    public int AddressType => Octet(0) >> 5;

    /// <summary>ARC: altitude reporting capability, 0 25 ft, 1 100 ft, 2 unknown, 3 invalid.</summary>
    public int AltitudeReportingCapability => (Octet(0) >> 3) & 3;

    /// <summary>RC: range check passed, CPR validation pending.</summary>
    public bool IsRangeCheckPending => (Octet(0) & 0x04) != 0;

    /// <summary>RAB: report from a field monitor (fixed transponder).</summary>
    public bool IsFromFieldMonitor => (Octet(0) & 0x02) != 0;

    /// <summary>DCR: differential correction.</summary>
    public bool HasDifferentialCorrection => (Octet(1) & 0x80) != 0;

    /// <summary>GBS: ground bit set (on the ground).</summary>
    public bool IsGroundBitSet => (Octet(1) & 0x40) != 0;

    /// <summary>SIM: simulated target report.</summary>
    public bool IsSimulated => (Octet(1) & 0x20) != 0;

    /// <summary>TST: test target.</summary>
    public bool IsTest => (Octet(1) & 0x10) != 0;

    /// <summary>SAA: equipment not capable of providing the selected altitude.</summary>
    public bool IsSelectedAltitudeUnavailable => (Octet(1) & 0x08) != 0;

    /// <summary>CL: confidence level, 0 valid, 1 suspect, 2 no information.</summary>
    public int ConfidenceLevel => (Octet(1) >> 1) & 3;

    /// <summary>The second extension (LLC IPC NOGO CPR LDPJ RCF: why the report is suspect), bits 7–2.</summary>
    public int SuspectReasonBits => (Octet(2) >> 1) & 0x3F;

    /// <summary>The octet at <paramref name="index"/> (0 when absent).</summary>
    public int Octet(int index) => index < OctetCount ? (int)((RawOctets >> (32 - (8 * index))) & 0xFF) : 0;

    internal static Cat021TargetReportDescriptor From(ReadOnlySpan<byte> item)
    {
        ulong raw = 0;
        var count = Math.Min(item.Length, 5);
        for (var i = 0; i < count; i++)
        {
            raw |= (ulong)item[i] << (32 - (8 * i));
        }

        return new Cat021TargetReportDescriptor(raw, count);
    }
}
