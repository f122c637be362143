using Vigia.Core.Geodesy;
using Vigia.Core.Observations;

namespace Vigia.Sensors.Radar;

/// <summary>
/// A configured monoradar resolved against the picture frame: its position in the frame and the angle from the
/// frame's north to the radar's true north (meridian convergence) plus its north alignment correction.
/// </summary>
/// <remarks>Thread-safety: immutable.</remarks>
internal sealed class RadarSite
{
    private RadarSite(RadarSiteOptions options, EnuVector? picturePosition, double azimuthOffsetRadians)
    {
        Options = options;
        Sensor = new SensorId(options.SensorId);
        PicturePosition = picturePosition;
        AzimuthOffsetRadians = azimuthOffsetRadians;
        RangeSigmaMeters = options.RangeSigmaMeters;
        AzimuthSigmaRadians = options.AzimuthSigmaDegrees * Math.PI / 180;
    }

    public RadarSiteOptions Options { get; }

    public SensorId Sensor { get; }

    /// <summary>The antenna in the picture frame, ENU metres; null without a frame.</summary>
    public EnuVector? PicturePosition { get; }

    /// <summary>Added to a reported azimuth: north alignment plus the picture-frame azimuth of the radar's north, radians.</summary>
    public double AzimuthOffsetRadians { get; }

    public double RangeSigmaMeters { get; }

    public double AzimuthSigmaRadians { get; }

    public static RadarSite Create(RadarSiteOptions options, LocalTangentPlane? picture)
    {
        var alignment = options.NorthAlignmentDegrees * Math.PI / 180;
        if (picture is null)
        {
            return new RadarSite(options, null, alignment);
        }

        var radar = new LocalTangentPlane(options.Position);
        var north = picture.TransformDirectionFrom(radar, new EnuVector(0, 1, 0));
        return new RadarSite(options, picture.ToEnu(options.Position), alignment + Math.Atan2(north.EastMeters, north.NorthMeters));
    }
}
