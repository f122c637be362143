namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/090 Quality Indicators (1 to 4 octets); fields of absent extensions are null.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/090. NUCr/NACv(3) NUCp/NIC(4) | NICbaro SIL(2) NACp(4) | spare(2) SILS SDA(2)
/// GVA(2) | PIC(4) spare(3); meanings per the MOPS version (I021/210). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat021QualityIndicators(uint RawOctets, int OctetCount)
{
    /// <summary>NUCr or NACv: velocity uncertainty/accuracy category.</summary>
    public int NucROrNacV => Octet(0) >> 5;

    /// <summary>NUCp or NIC: position uncertainty/integrity category.</summary>
    public int NucPOrNic => (Octet(0) >> 1) & 0x0F;

    /// <summary>NICbaro (first extension).</summary>
    public int? NicBaro => OctetCount > 1 ? Octet(1) >> 7 : null;

    /// <summary>SIL (first extension): surveillance or source integrity level.</summary>
    public int? Sil => OctetCount > 1 ? (Octet(1) >> 5) & 3 : null;

    /// <summary>NACp (first extension): navigation accuracy category for position.</summary>
    public int? NacP => OctetCount > 1 ? (Octet(1) >> 1) & 0x0F : null;

    /// <summary>SILS (second extension): SIL per sample (true) or per flight hour.</summary>
    public bool? IsSilPerSample => OctetCount > 2 ? (Octet(2) & 0x20) != 0 : null;

    /// <summary>SDA (second extension): system design assurance.</summary>
    public int? Sda => OctetCount > 2 ? (Octet(2) >> 3) & 3 : null;

    /// <summary>GVA (second extension): geometric altitude accuracy.</summary>
    public int? Gva => OctetCount > 2 ? (Octet(2) >> 1) & 3 : null;

    /// <summary>PIC (third extension): position integrity category.</summary>
    public int? Pic => OctetCount > 3 ? Octet(3) >> 4 : null;

    private int Octet(int index) => index < OctetCount ? (int)((RawOctets >> (24 - (8 * index))) & 0xFF) : 0;

    internal static Cat021QualityIndicators From(ReadOnlySpan<byte> item)
    {
        uint raw = 0;
        var count = Math.Min(item.Length, 4);
        for (var i = 0; i < count; i++)
        {
            raw |= (uint)item[i] << (24 - (8 * i));
        }

        return new Cat021QualityIndicators(raw, count);
    }
}
