namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/100 Mode-C Code and Code Confidence Indicator: the Gray-coded reply and per-pulse quality bits.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-4 §I048/100 (four octets). Thread-safety: a value.</remarks>
public readonly record struct Cat048ModeCCode(uint RawItem)
{
    /// <summary>V bit clear: the code is validated.</summary>
    public bool IsValidated => (RawItem & 0x8000_0000) == 0;

    /// <summary>G bit: garbled code.</summary>
    public bool IsGarbled => (RawItem & 0x4000_0000) != 0;

    /// <summary>The Mode-C reply in Gray notation: C1 A1 C2 A2 C4 A4 B1 D1 B2 D2 B4 D4 (12 bits).</summary>
    public int GrayCode => (int)((RawItem >> 16) & 0x0FFF);

    /// <summary>The quality bits QC1 … QD4 in the same order (1 = low quality pulse).</summary>
    public int ConfidenceBits => (int)(RawItem & 0x0FFF);
}
