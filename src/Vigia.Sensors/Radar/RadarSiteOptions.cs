using Vigia.Core.Geodesy;

namespace Vigia.Sensors.Radar;

/// <summary>One monoradar (CAT-048 plots, CAT-034 service messages): who it is on the wire, where it stands, how good it is.</summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record RadarSiteOptions
{
    /// <summary>The sensor id its observations carry, for example <c>radar-zagreb</c>. Required.</summary>
    public required string SensorId { get; init; }

    /// <summary>System Area Code of its I048/010 and I034/010. Required.</summary>
    public required byte Sac { get; init; }

    /// <summary>System Identification Code of its I048/010 and I034/010. Required.</summary>
    public required byte Sic { get; init; }

    /// <summary>The antenna's position: WGS-84 degrees, height above the ellipsoid in metres. Required.</summary>
    public required GeoPosition Position { get; init; }

    /// <summary>
    /// North alignment correction in degrees, added to every azimuth the radar reports (its north error: a radar
    /// whose zero points 0.3° east of true north reports azimuths 0.3° too small, so the correction is +0.3). Default 0.
    /// </summary>
    public double NorthAlignmentDegrees { get; init; }

    /// <summary>1-sigma slant range error, metres (the radar's stated accuracy). Default 50.</summary>
    public double RangeSigmaMeters { get; init; } = 50;

    /// <summary>1-sigma azimuth error, degrees (the radar's stated accuracy). Default 0.1.</summary>
    public double AzimuthSigmaDegrees { get; init; } = 0.1;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SensorId);
        if (!(Math.Abs(Position.LatitudeDegrees) <= 90) || !double.IsFinite(Position.LongitudeDegrees) || !double.IsFinite(Position.HeightAboveEllipsoidMeters))
        {
            throw new ArgumentException($"radar {SensorId}: position must be finite, latitude within ±90°", nameof(Position));
        }

        if (!double.IsFinite(NorthAlignmentDegrees) || Math.Abs(NorthAlignmentDegrees) > 180)
        {
            throw new ArgumentException($"radar {SensorId}: north alignment must be within ±180°", nameof(NorthAlignmentDegrees));
        }

        if (!(RangeSigmaMeters > 0) || !double.IsFinite(RangeSigmaMeters) || !(AzimuthSigmaDegrees > 0) || !double.IsFinite(AzimuthSigmaDegrees))
        {
            throw new ArgumentException($"radar {SensorId}: sigmas must be finite and positive");
        }
    }
}
