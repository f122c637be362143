namespace Vigia.Core.Observations;

/// <summary>
/// What a measurement's values are, and so which measurement function h(x) maps a target state to them.
/// Every angle is in radians; azimuth is a compass bearing (clockwise from north towards east, [0, 2π));
/// elevation is above the sensor's local horizontal.
/// </summary>
public enum MeasurementKind
{
    /// <summary>Position in the picture's ENU frame: [east m, north m, up m] (Remote ID after conversion, observers).</summary>
    EnuPosition = 0,

    /// <summary>
    /// WGS-84 geodetic position: [latitude deg, longitude deg, height above the ellipsoid m]; the
    /// covariance is in local ENU metres² at that point. A tracker converts it into its picture frame.
    /// </summary>
    GeodeticPosition = 1,

    /// <summary>Radar plot from <see cref="Measurement.SensorPosition"/>: [range m, azimuth rad, elevation rad].</summary>
    RangeAzimuthElevation = 2,

    /// <summary>Bearing-only direction finder (acoustic, RF) from the sensor position: [azimuth rad].</summary>
    Azimuth = 3,

    /// <summary>Bearing with elevation from the sensor position: [azimuth rad, elevation rad].</summary>
    AzimuthElevation = 4,
}
