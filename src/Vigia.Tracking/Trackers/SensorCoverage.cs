using Vigia.Core.Geodesy;

namespace Vigia.Tracking.Trackers;

/// <summary>
/// The volume a range/bearing sensor can see, around its position in the picture frame: range
/// limits (metres), compass azimuth sector and elevation limits (radians). A track outside every
/// covering sensor's volume is not expected to be detected, so silence there (a drone hovering in
/// the radar's cone of silence overhead, or below its lowest beam) does not count against it.
/// </summary>
/// <param name="Position">Sensor position, ENU metres in the picture frame.</param>
/// <param name="RangeMinMeters">Minimum range, m.</param>
/// <param name="RangeMaxMeters">Maximum range, m.</param>
/// <param name="AzimuthMinRadians">Start of the azimuth sector (compass, clockwise from north), rad.</param>
/// <param name="AzimuthMaxRadians">End of the azimuth sector, rad; a sector of 2π or more is all round.</param>
/// <param name="ElevationMinRadians">Lowest elevation seen, rad.</param>
/// <param name="ElevationMaxRadians">Highest elevation seen, rad.</param>
public sealed record SensorCoverage(
    EnuVector Position,
    double RangeMinMeters,
    double RangeMaxMeters,
    double AzimuthMinRadians,
    double AzimuthMaxRadians,
    double ElevationMinRadians,
    double ElevationMaxRadians)
{
    /// <summary>True if <paramref name="point"/> (picture frame, metres) lies inside the covered volume.</summary>
    public bool Contains(EnuVector point)
    {
        var d = point - Position;
        var range = d.Length;
        if (range < RangeMinMeters || range > RangeMaxMeters)
        {
            return false;
        }

        var elevation = Math.Atan2(d.UpMeters, d.HorizontalLength);
        if (elevation < ElevationMinRadians || elevation > ElevationMaxRadians)
        {
            return false;
        }

        var sector = AzimuthMaxRadians - AzimuthMinRadians;
        if (sector >= (2 * Math.PI) - 1e-9)
        {
            return true;
        }

        var azimuth = Math.Atan2(d.EastMeters, d.NorthMeters);
        var offset = (azimuth - AzimuthMinRadians) % (2 * Math.PI);
        if (offset < 0)
        {
            offset += 2 * Math.PI;
        }

        return offset <= sector;
    }
}
