namespace Vigia.Core.Geodesy;

/// <summary>
/// A WGS-84 geodetic position: latitude and longitude in degrees, height in metres above the
/// WGS-84 ellipsoid (not above mean sea level; convert MSL or barometric altitudes explicitly).
/// </summary>
/// <remarks>Thread-safety: immutable value type.</remarks>
/// <param name="LatitudeDegrees">Geodetic latitude, degrees, north positive, [-90, 90].</param>
/// <param name="LongitudeDegrees">Longitude, degrees, east positive, [-180, 180].</param>
/// <param name="HeightAboveEllipsoidMeters">Height above the WGS-84 ellipsoid, metres.</param>
public readonly record struct GeoPosition(double LatitudeDegrees, double LongitudeDegrees, double HeightAboveEllipsoidMeters);
