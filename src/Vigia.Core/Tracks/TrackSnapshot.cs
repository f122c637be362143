using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Core.Tracks;

/// <summary>
/// One track's state as a tracker publishes it at <see cref="Time"/>: position and velocity in
/// the picture's ENU frame (metres, metres per second), position uncertainty and identity.
/// </summary>
/// <remarks>Thread-safety: immutable value type.</remarks>
public readonly record struct TrackSnapshot
{
    /// <summary>Track number, unique for the tracker's lifetime and stable for the track's life.</summary>
    public required long TrackId { get; init; }

    /// <summary>The instant the estimate is for.</summary>
    public required Timestamp Time { get; init; }

    /// <summary>Life-cycle state.</summary>
    public required TrackStatus Status { get; init; }

    /// <summary>Position estimate, ENU metres.</summary>
    public required EnuVector Position { get; init; }

    /// <summary>Velocity estimate, ENU metres per second.</summary>
    public required EnuVector Velocity { get; init; }

    /// <summary>Position covariance, ENU metres² (east, north, up order).</summary>
    public required Matrix3x3 PositionCovariance { get; init; }

    /// <summary>Broadcast identity (Remote ID UAS ID) bound to the track, or null.</summary>
    public string? UasId { get; init; }

    /// <summary>The operator's reported position (Remote ID), WGS-84, if the track's identity carries one.</summary>
    public GeoPosition? OperatorPosition { get; init; }

    /// <summary>The latest self-description broadcast by the bound identity (type, operator ID, self-ID, doubts), or null.</summary>
    public BroadcastIdentity? Identity { get; init; }

    /// <summary>
    /// The best evidence of what the track is (ADS-B manned aircraft, Remote ID drone, SAPIENT class), with
    /// the sensor behind it; null when only unclassified sensors (radar plots) have seen it.
    /// </summary>
    public Classification? Classification { get; init; }

    /// <summary>The sensors whose observations updated the track (most recent last, at most eight), or null before any.</summary>
    public IReadOnlyList<SensorId>? Sensors { get; init; }

    /// <summary>Time of the last observation that updated the track.</summary>
    public required Timestamp LastUpdate { get; init; }

    /// <summary>Time of the first observation of the track.</summary>
    public required Timestamp FirstSeen { get; init; }

    /// <summary>Number of observations that updated the track.</summary>
    public required int UpdateCount { get; init; }

    /// <summary>Probability of the manoeuvring or hovering motion model (0…1) where the filter is an IMM, else 0.</summary>
    public double ManoeuvreProbability { get; init; }
}
