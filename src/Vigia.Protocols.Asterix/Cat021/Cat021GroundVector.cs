namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/160 Airborne Ground Vector: ground speed and track angle.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/160: RE, ground speed (15 bits, LSB 2⁻¹⁴ NM/s), track angle (16 bits,
/// LSB 360°/2¹⁶ clockwise from true north). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat021GroundVector(ushort RawSpeed, ushort RawTrackAngle)
{
    /// <summary>RE: the speed exceeds the range.</summary>
    public bool IsRangeExceeded => (RawSpeed & 0x8000) != 0;

    /// <summary>Ground speed in knots.</summary>
    public double GroundSpeedKnots => (RawSpeed & 0x7FFF) / 16384.0 * 3600.0;

    /// <summary>Ground speed in metres per second.</summary>
    public double GroundSpeedMetersPerSecond => (RawSpeed & 0x7FFF) / 16384.0 * PolarPosition.MetersPerNauticalMile;

    /// <summary>Track angle in degrees, [0, 360).</summary>
    public double TrackAngleDegrees => RawTrackAngle * (360.0 / 65536.0);
}
