namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/150 Air Speed: indicated airspeed or Mach number.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/150: IM, then 15 bits (IAS LSB 2⁻¹⁴ NM/s, or Mach LSB 0.001). Thread-safety: a value.</remarks>
public readonly record struct Cat021AirSpeed(ushort RawItem)
{
    /// <summary>IM: the value is a Mach number (false: indicated airspeed).</summary>
    public bool IsMach => (RawItem & 0x8000) != 0;

    /// <summary>Indicated airspeed in knots, when <see cref="IsMach"/> is false.</summary>
    public double? IndicatedAirspeedKnots => IsMach ? null : (RawItem & 0x7FFF) / 16384.0 * 3600.0;

    /// <summary>Mach number, when <see cref="IsMach"/> is true.</summary>
    public double? Mach => IsMach ? (RawItem & 0x7FFF) * 0.001 : null;
}
