namespace Vigia.Protocols.Asterix;

/// <summary>A measured position in slant polar co-ordinates relative to the radar: range and azimuth.</summary>
/// <remarks>
/// ASTERIX I048/040 and I062/340 POS (RHO: 16 bits, LSB 1/256 NM; THETA: 16 bits, LSB 360°/2¹⁶ clockwise from
/// the radar's north). Thread-safety: a value.
/// </remarks>
public readonly record struct PolarPosition(ushort RawRho, ushort RawTheta)
{
    /// <summary>Metres per international nautical mile.</summary>
    public const double MetersPerNauticalMile = 1852.0;

    /// <summary>Slant range in nautical miles (0 to just under 256).</summary>
    public double RangeNauticalMiles => RawRho / 256.0;

    /// <summary>Slant range in metres.</summary>
    public double RangeMeters => RangeNauticalMiles * MetersPerNauticalMile;

    /// <summary>Azimuth in degrees, [0, 360).</summary>
    public double AzimuthDegrees => RawTheta * (360.0 / 65536.0);

    /// <summary>Azimuth in radians, [0, 2π).</summary>
    public double AzimuthRadians => RawTheta * (2.0 * Math.PI / 65536.0);

    internal static PolarPosition From(ReadOnlySpan<byte> s, int at) =>
        new((ushort)((s[at] << 8) | s[at + 1]), (ushort)((s[at + 2] << 8) | s[at + 3]));
}
