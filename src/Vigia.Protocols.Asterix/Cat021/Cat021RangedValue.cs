namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>
/// An I021/151, 155 or 157 value: a range-exceeded bit and 15 bits (true airspeed in knots, unsigned; vertical rates
/// in 6.25 ft/min, two's complement).
/// </summary>
/// <remarks>EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/151, §I021/155, §I021/157. Thread-safety: a value.</remarks>
public readonly record struct Cat021RangedValue(ushort RawItem)
{
    /// <summary>RE: the true value exceeds the range; the field holds the maximum the avionics gave.</summary>
    public bool IsRangeExceeded => (RawItem & 0x8000) != 0;

    /// <summary>As I021/151 True Airspeed: knots.</summary>
    public int AsKnots => RawItem & 0x7FFF;

    /// <summary>As I021/155 or 157 vertical rate: feet per minute (LSB 6.25).</summary>
    public double AsFeetPerMinute => Layout.BigEndian.SignExtend(RawItem & 0x7FFF, 15) * 6.25;
}
