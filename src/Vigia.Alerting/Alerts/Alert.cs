using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;

namespace Vigia.Alerting.Alerts;

/// <summary>
/// One alert (an incident) as it stands at one version: for a <see cref="AlertKind.ZoneThreat"/>, every
/// track threatening one protected zone; for <see cref="AlertKind.CoverageLost"/>, one sensor that went
/// down and the zones it covered. Each change makes a new version (<see cref="Version"/> 1 is the raise;
/// the last is the clear), so the sequence of versions is the alert's history.
/// </summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record Alert
{
    /// <summary>Stable identifier: <c>{zone or sensor id}-{raise time yyyyMMddTHHmmssZ}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>1 at the raise, +1 at each later change.</summary>
    public required int Version { get; init; }

    /// <summary>What the alert is about.</summary>
    public required AlertKind Kind { get; init; }

    /// <summary>Current level (the highest over the contributing tracks).</summary>
    public required AlertLevel Level { get; init; }

    /// <summary>Highest level reached so far.</summary>
    public required AlertLevel PeakLevel { get; init; }

    /// <summary>Why, as reason codes (most important first).</summary>
    public required IReadOnlyList<AlertReason> Reasons { get; init; }

    /// <summary>The threatened zone (zone threats), or null.</summary>
    public string? ZoneId { get; init; }

    /// <summary>The threatened zone's name (zone threats), or null.</summary>
    public string? ZoneName { get; init; }

    /// <summary>What the zone protects (zone threats), or null.</summary>
    public ZoneKind? ZoneKind { get; init; }

    /// <summary>The zone's outline (the warned area: CAP's <c>area</c>), or null.</summary>
    public ZoneShape? Area { get; init; }

    /// <summary>The zone's altitude band, or null.</summary>
    public AltitudeBand? Band { get; init; }

    /// <summary>The sensor that went down (coverage lost), or null.</summary>
    public string? SensorId { get; init; }

    /// <summary>Zones the lost sensor covered (coverage lost); empty otherwise.</summary>
    public IReadOnlyList<string> CoveredZoneIds { get; init; } = [];

    /// <summary>Tracks currently contributing (zone threats), worst first.</summary>
    public IReadOnlyList<long> TrackIds { get; init; } = [];

    /// <summary>The worst track's UAS ID if it broadcasts one, or null.</summary>
    public string? UasId { get; init; }

    /// <summary>The worst track's position (WGS-84, ellipsoidal height), or null.</summary>
    public GeoPosition? Position { get; init; }

    /// <summary>The worst track's horizontal speed in m/s, or null.</summary>
    public double? SpeedMetersPerSecond { get; init; }

    /// <summary>The worst track's course over ground, degrees clockwise from true north, or null.</summary>
    public double? CourseDegrees { get; init; }

    /// <summary>The worst track's horizontal distance to the zone in metres (0 inside), or null.</summary>
    public double? DistanceMeters { get; init; }

    /// <summary>Seconds until the worst track is predicted to enter the zone (0 inside), or null.</summary>
    public double? SecondsToEntry { get; init; }

    /// <summary>When the condition behind the alert was first met (before any confirmation).</summary>
    public required Timestamp ConditionSince { get; init; }

    /// <summary>When the alert was raised (version 1).</summary>
    public required Timestamp RaisedAt { get; init; }

    /// <summary>When this version was made.</summary>
    public required Timestamp UpdatedAt { get; init; }

    /// <summary>When it cleared, or null while active.</summary>
    public Timestamp? ClearedAt { get; init; }

    /// <summary>Who acknowledged it and when, or null.</summary>
    public Acknowledgement? Acknowledgement { get; init; }

    /// <summary>When this version stops being news (CAP <c>expires</c>; webhook retries stop here).</summary>
    public required Timestamp ExpiresAt { get; init; }

    /// <summary>Made by an exercise (demo, replay): never to be issued as a real warning.</summary>
    public required bool Exercise { get; init; }

    /// <summary>Whether the alert is still standing.</summary>
    public bool IsActive => ClearedAt is null;
}
