namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/210 Calculated Acceleration (Cartesian).</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 §I062/210: Ax, Ay, 8 bits two's complement, LSB 0.25 m/s². Thread-safety: a value.</remarks>
public readonly record struct Cat062Acceleration(sbyte RawAx, sbyte RawAy)
{
    /// <summary>East component in m/s².</summary>
    public double AxMetersPerSecondSquared => RawAx * 0.25;

    /// <summary>North component in m/s².</summary>
    public double AyMetersPerSecondSquared => RawAy * 0.25;
}
