namespace Vigia.Core.Geodesy;

/// <summary>
/// What an altitude is measured from. Sensors report heights against different references, and
/// mixing them silently is a tens-of-metres error, so every <see cref="Altitude"/> names its datum.
/// </summary>
public enum VerticalDatum
{
    /// <summary>Geometric height above the WGS-84 ellipsoid (GNSS native height, ADS-B "GNSS height", Remote ID geodetic altitude).</summary>
    Wgs84Ellipsoid = 0,

    /// <summary>
    /// Orthometric height above mean sea level, i.e. above the geoid; converts to ellipsoidal height
    /// with a geoid model (h = H + N).
    /// </summary>
    MeanSeaLevel = 1,

    /// <summary>
    /// Pressure altitude (barometric altitude referenced to the standard atmosphere, 1013.25 hPa), as
    /// in Mode C / ADS-B barometric altitude and Remote ID pressure altitude. Not a geometric height:
    /// it differs from true height with the weather, so it is never converted.
    /// </summary>
    Barometric = 2,
}
