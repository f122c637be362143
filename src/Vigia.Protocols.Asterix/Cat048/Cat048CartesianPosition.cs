namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/042 Calculated Position in Cartesian Co-ordinates, relative to the radar (x east, y north).</summary>
/// <remarks>EUROCONTROL-SPEC-0149-4 §I048/042: X and Y, 16 bits each, two's complement, LSB 1/128 NM. Thread-safety: a value.</remarks>
public readonly record struct Cat048CartesianPosition(short RawX, short RawY)
{
    /// <summary>X in nautical miles.</summary>
    public double XNauticalMiles => RawX / 128.0;

    /// <summary>Y in nautical miles.</summary>
    public double YNauticalMiles => RawY / 128.0;

    /// <summary>X in metres.</summary>
    public double XMeters => XNauticalMiles * PolarPosition.MetersPerNauticalMile;

    /// <summary>Y in metres.</summary>
    public double YMeters => YNauticalMiles * PolarPosition.MetersPerNauticalMile;
}
