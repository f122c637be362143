using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.RemoteId;

/// <summary>
/// Turns an aircraft's latest Remote ID position into a tracker <see cref="Observation"/>: a geodetic
/// position (WGS-84, height above the ellipsoid) whose ENU covariance comes from the accuracy categories
/// the aircraft declares, tagged with its identity and carrying the operator position on the side
/// (never fused as an aircraft position).
/// </summary>
public static class RemoteIdObservations
{
    /// <summary>1-sigma used when the aircraft declares no horizontal accuracy, metres.</summary>
    public const double UnknownHorizontalSigmaMeters = 30;

    /// <summary>1-sigma used when the aircraft declares no vertical accuracy, metres.</summary>
    public const double UnknownVerticalSigmaMeters = 45;

    /// <summary>1-sigma standing in for a missing geodetic altitude (the height is then not informative), metres.</summary>
    public const double MissingAltitudeSigmaMeters = 1000;

    /// <summary>
    /// Builds the observation; false if the picture has no identity or no usable position (unknown or
    /// out-of-range latitude/longitude).
    /// </summary>
    public static bool TryCreate(UasPicture picture, SensorId sensor, Timestamp receiveTime, out Observation observation)
    {
        ArgumentNullException.ThrowIfNull(picture);
        observation = null!;
        if (picture.Key is not { } key || picture.Location is not { } location ||
            picture.Position is not { LatitudeDegrees: { } latitude, LongitudeDegrees: { } longitude } position)
        {
            return false;
        }

        var horizontal = HorizontalSigmaMeters(location.HorizontalAccuracy);
        var altitude = position.GeodeticAltitudeMeters;
        var vertical = altitude is null ? MissingAltitudeSigmaMeters : VerticalSigmaMeters(location.VerticalAccuracy);
        observation = new Observation
        {
            Sensor = sensor,
            SensorTime = PositionTime(picture, receiveTime),
            ReceiveTime = receiveTime,
            Measurement = new Measurement(
                MeasurementKind.GeodeticPosition,
                latitude,
                longitude,
                altitude ?? 0,
                Matrix3x3.Diagonal(horizontal * horizontal, horizontal * horizontal, vertical * vertical)),
            UasId = key.ToString(),
            OperatorPosition = picture.System is { } system ? RemoteIdPosition.OperatorPosition(system) : null,
            Identity = IdentityOf(picture),
        };
        return true;
    }

    /// <summary>
    /// The instant the position is for: the aircraft's own timestamp, unless that is doubtful — later than the
    /// reception (a position cannot come from the future) or far from it (a wrong or placeholder clock, flagged
    /// <see cref="PlausibilityConcerns.TimestampFarFromReceiveTime"/>) — when the receive time stands in: a
    /// broadcast is heard within a second of being sent, and a drone's bad clock must not move the picture's.
    /// </summary>
    public static Timestamp PositionTime(UasPicture picture, Timestamp receiveTime)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return picture.LocationTime is { } stamped && stamped <= receiveTime && !picture.Concerns.HasFlag(PlausibilityConcerns.TimestampFarFromReceiveTime)
            ? stamped
            : receiveTime;
    }

    /// <summary>
    /// What the aircraft says about itself beyond its ID: the Basic ID's UA type, the Operator ID, the Self-ID
    /// text, and the plausibility concerns of the latest update as reason codes.
    /// </summary>
    public static BroadcastIdentity IdentityOf(UasPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var operatorId = picture.OperatorId is { } op ? op.OperatorId.ToDisplayString() : null;
        var selfId = picture.SelfId is { } self ? self.Description.ToDisplayString() : null;
        var flags = new List<string>();
        foreach (var concern in Enum.GetValues<PlausibilityConcerns>())
        {
            if (concern != PlausibilityConcerns.None && picture.Concerns.HasFlag(concern))
            {
                flags.Add(concern.ToString());
            }
        }

        return new BroadcastIdentity
        {
            AircraftType = picture.BasicIds.Count > 0 ? picture.BasicIds[0].UaType.ToString() : null,
            OperatorId = string.IsNullOrEmpty(operatorId) ? null : operatorId,
            SelfId = string.IsNullOrEmpty(selfId) ? null : selfId,
            Flags = flags,
        };
    }

    /// <summary>
    /// 1-sigma per horizontal axis from the F3411 horizontal accuracy category (Table 8: a 95 % bound;
    /// for a circular 2-D Gaussian the 95 % radius is 2.45 σ).
    /// </summary>
    public static double HorizontalSigmaMeters(byte category)
    {
        double? bound = category switch
        {
            1 => 18_520,
            2 => 7_408,
            3 => 3_704,
            4 => 1_852,
            5 => 926,
            6 => 555.6,
            7 => 185.2,
            8 => 92.6,
            9 => 30,
            10 => 10,
            11 => 3,
            12 => 1,
            _ => null,
        };
        return bound is { } b ? b / 2.45 : UnknownHorizontalSigmaMeters;
    }

    /// <summary>1-sigma of the geodetic altitude from the F3411 vertical accuracy category (a 95 % bound, 1.96 σ).</summary>
    public static double VerticalSigmaMeters(byte category)
    {
        double? bound = category switch
        {
            1 => 150,
            2 => 45,
            3 => 25,
            4 => 10,
            5 => 3,
            6 => 1,
            _ => null,
        };
        return bound is { } b ? b / 1.96 : UnknownVerticalSigmaMeters;
    }
}
