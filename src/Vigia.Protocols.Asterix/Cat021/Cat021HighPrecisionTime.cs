namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/074 or I021/076: the fraction of the second of a message reception, and how it relates to I021/073 or 075.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/074: FSI (2 bits: 0 same second, 1 whole seconds + 1, 2 whole seconds − 1),
/// fraction (30 bits, LSB 2⁻³⁰ s). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat021HighPrecisionTime(uint RawItem)
{
    /// <summary>FSI: 0 same whole second as the coarse time, 1 one more, 2 one less, 3 reserved.</summary>
    public int FullSecondIndication => (int)(RawItem >> 30);

    /// <summary>The fractional part of the second, [0, 1).</summary>
    public double FractionSeconds => (RawItem & 0x3FFF_FFFF) / (double)(1 << 30);
}
