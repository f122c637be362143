namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/100 Calculated Track Position in the SDPS's Cartesian system (x east, y north of its system centre).</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 §I062/100: X and Y, 24 bits two's complement, LSB 0.5 m. Thread-safety: a value.</remarks>
public readonly record struct Cat062CartesianPosition(int RawX, int RawY)
{
    /// <summary>X in metres.</summary>
    public double XMeters => RawX * 0.5;

    /// <summary>Y in metres.</summary>
    public double YMeters => RawY * 0.5;
}
