using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;

namespace Vigia.Sensors.Adsb;

/// <summary>
/// Turns a resolved ADS-B position into a tracker <see cref="Observation"/>: a WGS-84 geodetic position with the
/// aircraft's ICAO address as its broadcast identity (<c>Icao:4840D6</c>, the prefix marking an ADS-B address
/// as Remote ID keys mark their ID type), a <see cref="Classification"/> from ADS-B evidence (a manned aircraft
/// unless its emitter category says otherwise) labelled with the callsign, and the emitter category as its
/// self-described aircraft type.
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

    /// <summary>Confidence of the manned-aircraft class before an emitter category has been received, or for category 0.</summary>
    public const double PresumedMannedConfidence = 0.9;

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
            Classification = ClassificationOf(state.Identification, sensor),
        };
        return true;
    }

    /// <summary>1-sigma per horizontal axis from a NACp (its 95 % bound / 2.45), or the default when unknown.</summary>
    public static double HorizontalSigmaMeters(byte? nacp) =>
        nacp is { } n && OperationalStatus.EstimatedPositionUncertaintyMeters(n) is { } bound ? bound / 2.45 : DefaultHorizontalSigmaMeters;

    /// <summary>
    /// The aircraft's self-description as a <see cref="BroadcastIdentity"/>: the emitter category as
    /// <see cref="BroadcastIdentity.AircraftType"/> (see <see cref="CategoryName"/>; null before an identification
    /// or for category 0). The callsign travels as the classification's label.
    /// </summary>
    public static BroadcastIdentity IdentityOf(AircraftIdentification? identification) => new()
    {
        AircraftType = identification is { } id ? CategoryName(id.TypeCode, id.Category) : null,
    };

    /// <summary>
    /// What an ADS-B emitter is, by its category (DO-260B §2.2.3.2.5.2): set A (TC 4) → manned aircraft; set B
    /// (TC 3) glider, lighter-than-air, ultralight → manned aircraft, parachutist → person, UAV → uav, space
    /// vehicle and reserved → other; set C (TC 2) emergency and service vehicles → ground vehicle, obstacles →
    /// other. Before an identification, or for category 0, a manned aircraft with
    /// <see cref="PresumedMannedConfidence"/> (1090 MHz extended squitter is carried by manned aircraft almost
    /// always); otherwise confidence 1, as for any broadcast identity. The label is the callsign, when known.
    /// </summary>
    public static Classification ClassificationOf(AircraftIdentification? identification, SensorId sensor)
    {
        var label = identification is { } id && !id.Callsign.IsBlank ? id.Callsign.ToString() : null;
        if (identification is not { TypeCode: >= 2 and <= 4, Category: > 0 } known)
        {
            return new Classification(ObjectClass.MannedAircraft, EvidenceSource.Adsb, PresumedMannedConfidence, label, sensor);
        }

        var objectClass = (known.TypeCode, known.Category) switch
        {
            (3, 3) => ObjectClass.Person,
            (3, 6) => ObjectClass.Uav,
            (3, 5 or 7) => ObjectClass.Other,
            (2, 1 or 2) => ObjectClass.GroundVehicle,
            (2, _) => ObjectClass.Other,
            _ => ObjectClass.MannedAircraft,
        };
        return new Classification(objectClass, EvidenceSource.Adsb, 1.0, label, sensor);
    }

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
