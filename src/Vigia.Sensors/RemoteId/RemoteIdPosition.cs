using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;

namespace Vigia.Sensors.RemoteId;

/// <summary>
/// The domain view of a Location/Vector message: what the aircraft reports, with every F3411 sentinel
/// turned into "absent" (null) — direction 361°, ground speed 255 m/s, vertical speed 63 m/s, altitudes
/// and height −1000 m, timestamp 0xFFFF (ASTM F3411-22a Table 6) — and the time rebuilt to a full
/// instant. The protocol message keeps the raw values for audit.
/// </summary>
/// <param name="Status">Operational status (ground, airborne, emergency…).</param>
/// <param name="LatitudeDegrees">WGS-84 latitude, or null if unknown (0, 0 or out of range).</param>
/// <param name="LongitudeDegrees">WGS-84 longitude, or null with the latitude.</param>
/// <param name="GeodeticAltitudeMeters">Height above the WGS-84 ellipsoid, or null.</param>
/// <param name="PressureAltitudeMeters">Barometric (pressure) altitude, never a geometric height, or null.</param>
/// <param name="HeightMeters">Height above take-off or ground (see <paramref name="HeightReference"/>), or null.</param>
/// <param name="HeightReference">What <paramref name="HeightMeters"/> is measured from.</param>
/// <param name="TrackDirectionDegrees">Direction of travel, degrees clockwise from true north, or null.</param>
/// <param name="GroundSpeedMetersPerSecond">Horizontal speed, or null.</param>
/// <param name="VerticalSpeedMetersPerSecond">Vertical speed, up positive, or null.</param>
/// <param name="Time">When the position was measured (rebuilt from the tenths after the hour), or null.</param>
public sealed record RemoteIdPosition(
    OperationalStatus Status,
    double? LatitudeDegrees,
    double? LongitudeDegrees,
    double? GeodeticAltitudeMeters,
    double? PressureAltitudeMeters,
    double? HeightMeters,
    HeightReference HeightReference,
    double? TrackDirectionDegrees,
    double? GroundSpeedMetersPerSecond,
    double? VerticalSpeedMetersPerSecond,
    Timestamp? Time)
{
    private const float UnknownAltitude = -1000;
    private const float UnknownDirection = 361;
    private const float UnknownSpeed = 255;
    private const float UnknownVerticalSpeed = 63;

    /// <summary>Maps a decoded Location message; <paramref name="receiveTime"/> anchors the hour of its timestamp.</summary>
    public static RemoteIdPosition From(in LocationMessage location, Timestamp receiveTime)
    {
        var hasPosition = IsKnown(location.LatitudeDegrees, location.LongitudeDegrees);
        return new RemoteIdPosition(
            location.Status,
            hasPosition ? location.LatitudeDegrees : null,
            hasPosition ? location.LongitudeDegrees : null,
            Known(location.AltitudeGeoMeters, UnknownAltitude),
            Known(location.AltitudeBaroMeters, UnknownAltitude),
            Known(location.HeightMeters, UnknownAltitude),
            location.HeightType,
            location.DirectionDegrees is >= 0 and < 360 ? location.DirectionDegrees : null,
            Known(location.SpeedHorizontalMetersPerSecond, UnknownSpeed),
            Known(location.SpeedVerticalMetersPerSecond, UnknownVerticalSpeed),
            RemoteIdTime.Rebuild(location.TimestampSecondsAfterHour, receiveTime));
    }

    /// <summary>
    /// True for a usable latitude/longitude: within range and not 0°, 0° (what transmitters without a fix send).
    /// </summary>
    public static bool IsKnown(double latitudeDegrees, double longitudeDegrees) =>
        Math.Abs(latitudeDegrees) <= 90 && Math.Abs(longitudeDegrees) <= 180 && (latitudeDegrees != 0 || longitudeDegrees != 0);

    /// <summary>The operator (pilot) position of a System message, WGS-84 (unknown height as 0 m), or null if unknown.</summary>
    public static GeoPosition? OperatorPosition(in SystemMessage system) =>
        IsKnown(system.OperatorLatitudeDegrees, system.OperatorLongitudeDegrees)
            ? new GeoPosition(system.OperatorLatitudeDegrees, system.OperatorLongitudeDegrees, system.OperatorAltitudeGeoMeters > UnknownAltitude ? system.OperatorAltitudeGeoMeters : 0)
            : null;

    private static double? Known(float value, float sentinel) =>
        value == sentinel || !float.IsFinite(value) ? null : value;
}
