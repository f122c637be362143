namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/200 Calculated Track Velocity in Polar Co-ordinates: ground speed and heading.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 §I048/200: GSP 16 bits, LSB 2⁻¹⁴ NM/s; HDG 16 bits, LSB 360°/2¹⁶, from geographical north
/// at the aircraft. Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048TrackVelocity(ushort RawGroundSpeed, ushort RawHeading)
{
    /// <summary>Ground speed in nautical miles per second.</summary>
    public double GroundSpeedNauticalMilesPerSecond => RawGroundSpeed / 16384.0;

    /// <summary>Ground speed in knots.</summary>
    public double GroundSpeedKnots => GroundSpeedNauticalMilesPerSecond * 3600.0;

    /// <summary>Ground speed in metres per second.</summary>
    public double GroundSpeedMetersPerSecond => GroundSpeedNauticalMilesPerSecond * PolarPosition.MetersPerNauticalMile;

    /// <summary>Heading in degrees, [0, 360).</summary>
    public double HeadingDegrees => RawHeading * (360.0 / 65536.0);
}
