using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;

namespace Vigia.Sensors.Adsb;

/// <summary>
/// Turns a resolved ADS-B position into a tracker <see cref="Observation"/>: a WGS-84 geodetic position with the
/// aircraft's ICAO address as its broadcast identity (<c>Icao:4840D6</c>, the prefix marking an ADS-B address
/// as Remote ID keys mark their ID type) and its emitter category and callsign as its self-description.
/// </summary>
/// <remarks>
/// Height: the GNSS height (type codes 20–22, above the WGS-84 ellipsoid) when the aircraft sends one; a
/// barometric altitude is a pressure altitude, never converted (house style §3), and <see cref="Observation"/>
/// has no field for it yet, so the height is then uninformative (0 m with a 1000 m sigma), as for Remote ID
/// without a geodetic altitude. Horizontal sigma: from NACp (operational status, versions 1–2) as its 95 %
/// bound / 2.45; without one, <see cref="DefaultHorizontalSigmaMeters"/>.
/// </remarks>
public static class AdsbObservations
{
    /// <summary>
    /// 1-sigma per horizontal axis when no NACp is known: the NACp 7 bound (0.1 NM, 95 %) / 2.45, i.e. about
    /// 76 m. NUCp and NIC from the type code are integrity limits, not accuracies, so they are not used.
    /// </summary>
    public const double DefaultHorizontalSigmaMeters = 0.1 * 1852 / 2.45;

    /// <summary>1-sigma of a GNSS height, metres (geometric vertical accuracy is not decoded; 45 m is its middle class).</summary>
    public const double GnssHeightSigmaMeters = 45;

    /// <summary>1-sigma standing in for a missing geometric height (the height is then not informative), metres.</summary>
    public const double MissingHeightSigmaMeters = 1000;

    /// <summary>The broadcast identity of an aircraft address, as carried in <see cref="Observation.UasId"/>.</summary>
    public static string IdentityOf(IcaoAddress address) => "Icao:" + address.ToString();

    /// <summary>Builds the observation of <paramref name="position"/> for <paramref name="state"/>; false for an unusable position.</summary>
    public static bool TryCreate(in AircraftState state, in AircraftPosition position, SensorId sensor, Timestamp receiveTime, out Observation observation)
    {
        observation = null!;
        if (!double.IsFinite(position.LatitudeDegrees) || Math.Abs(position.LatitudeDegrees) > 90 || !double.IsFinite(position.LongitudeDegrees))
        {
            return false;
        }

        var horizontal = HorizontalSigmaMeters(state.OperationalStatus?.NavigationAccuracyPosition);
        double? height = position.IsSurface ? null : state.GnssHeightMeters;
        var vertical = height is null ? MissingHeightSigmaMeters : GnssHeightSigmaMeters;
        observation = new Observation
        {
            Sensor = sensor,
            SensorTime = position.Time,
            ReceiveTime = receiveTime,
            Measurement = new Measurement(
                MeasurementKind.GeodeticPosition,
                position.LatitudeDegrees,
                position.LongitudeDegrees,
                height ?? 0,
                Matrix3x3.Diagonal(horizontal * horizontal, horizontal * horizontal, vertical * vertical)),
            UasId = IdentityOf(state.Address),
            Identity = IdentityOf(state.Identification),
        };
        return true;
    }

    /// <summary>1-sigma per horizontal axis from a NACp (its 95 % bound / 2.45), or the default when unknown.</summary>
    public static double HorizontalSigmaMeters(byte? nacp) =>
        nacp is { } n && OperationalStatus.EstimatedPositionUncertaintyMeters(n) is { } bound ? bound / 2.45 : DefaultHorizontalSigmaMeters;

    /// <summary>
    /// The aircraft's self-description as a <see cref="BroadcastIdentity"/>: the emitter category as
    /// <see cref="BroadcastIdentity.AircraftType"/> (DO-260B §2.2.3.2.5.2 names: set A (TC 4) Light, Small, Large,
    /// HighVortexLarge, Heavy, HighPerformance, Rotorcraft; set B (TC 3) Glider, LighterThanAir, Parachutist,
    /// Ultralight, Uav, SpaceVehicle; set C (TC 2) EmergencyVehicle, ServiceVehicle, PointObstacle,
    /// ClusterObstacle, LineObstacle; null before an identification or for category 0), and the flight
    /// identification (callsign) in <see cref="BroadcastIdentity.SelfId"/> — the field Core has for what an
    /// aircraft says about itself until it carries a callsign and a class of its own.
    /// </summary>
    public static BroadcastIdentity IdentityOf(AircraftIdentification? identification) => new()
    {
        AircraftType = identification is { } id ? CategoryName(id.TypeCode, id.Category) : null,
        SelfId = identification is { } named && !named.Callsign.IsBlank ? named.Callsign.ToString() : null,
    };

    /// <summary>The DO-260B name of an emitter category, or null for none, category 0 or a reserved one.</summary>
    public static string? CategoryName(byte typeCode, byte category) => (typeCode, category) switch
    {
        (4, 1) => "Light",
        (4, 2) => "Small",
        (4, 3) => "Large",
        (4, 4) => "HighVortexLarge",
        (4, 5) => "Heavy",
        (4, 6) => "HighPerformance",
        (4, 7) => "Rotorcraft",
        (3, 1) => "Glider",
        (3, 2) => "LighterThanAir",
        (3, 3) => "Parachutist",
        (3, 4) => "Ultralight",
        (3, 6) => "Uav",
        (3, 7) => "SpaceVehicle",
        (2, 1) => "EmergencyVehicle",
        (2, 2) => "ServiceVehicle",
        (2, 3) => "PointObstacle",
        (2, 4) => "ClusterObstacle",
        (2, 5) => "LineObstacle",
        _ => null,
    };
}
