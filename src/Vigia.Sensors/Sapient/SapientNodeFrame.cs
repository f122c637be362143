using Vigia.Core.Geodesy;

namespace Vigia.Sensors.Sapient;

/// <summary>
/// Where a node stands, for range-bearing detections: its geodetic position, its position in the picture frame,
/// and the angle from the picture frame's north to the node's own true north (meridian convergence), which turns
/// the node's azimuths into picture-frame azimuths.
/// </summary>
/// <remarks>Thread-safety: immutable.</remarks>
internal sealed class SapientNodeFrame
{
    private SapientNodeFrame(GeoPosition position, EnuVector picturePosition, double azimuthOffsetRadians)
    {
        Position = position;
        PicturePosition = picturePosition;
        AzimuthOffsetRadians = azimuthOffsetRadians;
    }

    public GeoPosition Position { get; }

    /// <summary>The node's position in the picture frame, ENU metres.</summary>
    public EnuVector PicturePosition { get; }

    /// <summary>Picture-frame azimuth of the node's north, radians (add it to the node's azimuths).</summary>
    public double AzimuthOffsetRadians { get; }

    /// <summary>Builds the frame of a node at <paramref name="position"/> in <paramref name="picture"/>.</summary>
    public static SapientNodeFrame Create(GeoPosition position, LocalTangentPlane picture)
    {
        var node = new LocalTangentPlane(position);
        var north = picture.TransformDirectionFrom(node, new EnuVector(0, 1, 0));
        return new SapientNodeFrame(position, picture.ToEnu(position), Math.Atan2(north.EastMeters, north.NorthMeters));
    }
}
