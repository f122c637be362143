namespace Vigia.Alerting.Zones;

/// <summary>
/// The surface a zone's altitude band is measured from. GeoJSON names: <c>ellipsoid</c>, <c>msl</c>,
/// <c>agl</c>. Barometric (pressure) altitude is refused, as Core's <c>HeightConversion</c> refuses it.
/// </summary>
public enum ZoneHeightReference
{
    /// <summary>Height above the WGS-84 ellipsoid (Core <c>VerticalDatum.Wgs84Ellipsoid</c>).</summary>
    Ellipsoid = 0,

    /// <summary>Height above mean sea level (Core <c>VerticalDatum.MeanSeaLevel</c>; needs a geoid model).</summary>
    MeanSeaLevel = 1,

    /// <summary>Height above the ground under the position (needs the ground height there).</summary>
    AboveGround = 2,
}
