namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/210 Track Quality: standard deviations of the track's position, ground speed and heading.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 §I048/210: σX, σY (LSB 1/128 NM), σV (LSB 2⁻¹⁴ NM/s), σH (LSB 360°/2¹²), one octet each.
/// Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048TrackQuality(byte RawSigmaX, byte RawSigmaY, byte RawSigmaGroundSpeed, byte RawSigmaHeading)
{
    /// <summary>σX in metres.</summary>
    public double SigmaXMeters => RawSigmaX / 128.0 * PolarPosition.MetersPerNauticalMile;

    /// <summary>σY in metres.</summary>
    public double SigmaYMeters => RawSigmaY / 128.0 * PolarPosition.MetersPerNauticalMile;

    /// <summary>σ of the ground speed in metres per second.</summary>
    public double SigmaGroundSpeedMetersPerSecond => RawSigmaGroundSpeed / 16384.0 * PolarPosition.MetersPerNauticalMile;

    /// <summary>σ of the heading in degrees.</summary>
    public double SigmaHeadingDegrees => RawSigmaHeading * (360.0 / 4096.0);
}
