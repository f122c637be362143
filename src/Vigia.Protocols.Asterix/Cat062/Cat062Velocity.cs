namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/185 Calculated Track Velocity (Cartesian): east and north components.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 §I062/185: Vx, Vy, 16 bits two's complement, LSB 0.25 m/s; y points to geographical north at
/// the target. Thread-safety: a value.
/// </remarks>
public readonly record struct Cat062Velocity(short RawVx, short RawVy)
{
    /// <summary>East component in metres per second.</summary>
    public double VxMetersPerSecond => RawVx * 0.25;

    /// <summary>North component in metres per second.</summary>
    public double VyMetersPerSecond => RawVy * 0.25;
}
