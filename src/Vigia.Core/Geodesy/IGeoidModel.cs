namespace Vigia.Core.Geodesy;

/// <summary>
/// A geoid model: the height of the geoid (mean sea level) above the WGS-84 ellipsoid at a place,
/// the undulation N = h_ellipsoid − H_msl, metres.
/// </summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface IGeoidModel
{
    /// <summary>
    /// The geoid undulation N (metres, positive where the geoid lies above the ellipsoid) at a WGS-84
    /// latitude and longitude in degrees.
    /// </summary>
    double GeoidUndulationMeters(double latitudeDegrees, double longitudeDegrees);
}
