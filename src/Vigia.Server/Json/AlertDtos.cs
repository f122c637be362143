namespace Vigia.Server.Json;

/// <summary>One alert version as the API, the stream and the journal show it (snake_case JSON).</summary>
public sealed record AlertDto
{
    /// <summary>Stable alert id.</summary>
    public required string Id { get; init; }

    /// <summary>1 at the raise, +1 per change.</summary>
    public required int Version { get; init; }

    /// <summary><c>zone_threat</c> or <c>coverage_lost</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>advisory</c>, <c>warning</c> or <c>alarm</c>.</summary>
    public required string Level { get; init; }

    /// <summary>Highest level reached.</summary>
    public required string PeakLevel { get; init; }

    /// <summary>Reason codes, most important first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Headline, Spanish.</summary>
    public required string HeadlineEs { get; init; }

    /// <summary>Headline, English.</summary>
    public required string HeadlineEn { get; init; }

    /// <summary>Why, in Spanish.</summary>
    public required string DescriptionEs { get; init; }

    /// <summary>Why, in English.</summary>
    public required string DescriptionEn { get; init; }

    /// <summary>What to do, Spanish.</summary>
    public required string InstructionEs { get; init; }

    /// <summary>What to do, English.</summary>
    public required string InstructionEn { get; init; }

    /// <summary>Threatened zone id.</summary>
    public string? ZoneId { get; init; }

    /// <summary>Threatened zone name.</summary>
    public string? ZoneName { get; init; }

    /// <summary>Zone kind (village, school, …).</summary>
    public string? ZoneKind { get; init; }

    /// <summary>The zone's outline.</summary>
    public AreaDto? Area { get; init; }

    /// <summary>The zone's altitude band.</summary>
    public BandDto? Band { get; init; }

    /// <summary>The lost sensor (coverage lost).</summary>
    public string? SensorId { get; init; }

    /// <summary>Zones the lost sensor covered.</summary>
    public IReadOnlyList<string>? CoveredZoneIds { get; init; }

    /// <summary>Contributing tracks, worst first.</summary>
    public required IReadOnlyList<long> TrackIds { get; init; }

    /// <summary>The worst track's UAS ID.</summary>
    public string? UasId { get; init; }

    /// <summary>The worst track's position.</summary>
    public GeoDto? Position { get; init; }

    /// <summary>Its ground speed, m/s.</summary>
    public double? SpeedMps { get; init; }

    /// <summary>Its course, degrees from north.</summary>
    public double? CourseDeg { get; init; }

    /// <summary>Its horizontal distance to the zone, metres (0 inside).</summary>
    public double? DistanceM { get; init; }

    /// <summary>Predicted seconds to entry (0 inside).</summary>
    public double? SecondsToEntry { get; init; }

    /// <summary>When the condition was first met.</summary>
    public required DateTimeOffset ConditionSince { get; init; }

    /// <summary>When raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>When this version was made.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it cleared.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>When it was acknowledged.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When this version stops being news.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>An exercise (demo, replay): never a real warning.</summary>
    public required bool Exercise { get; init; }

    /// <summary>Still standing.</summary>
    public required bool Active { get; init; }
}

/// <summary>A zone outline: a polygon ring of [lat, lon] pairs, or a circle.</summary>
/// <param name="Type"><c>polygon</c> or <c>circle</c>.</param>
/// <param name="Ring">Polygon vertices as [lat, lon] (polygon only).</param>
/// <param name="Centre">Circle centre (circle only).</param>
/// <param name="RadiusM">Circle radius, metres (circle only).</param>
public sealed record AreaDto(string Type, IReadOnlyList<double[]>? Ring = null, GeoDto? Centre = null, double? RadiusM = null);

/// <summary>An altitude band.</summary>
/// <param name="FloorM">Floor, metres.</param>
/// <param name="CeilingM">Ceiling, metres.</param>
/// <param name="HeightRef"><c>ellipsoid</c>, <c>msl</c> or <c>agl</c>.</param>
public sealed record BandDto(double FloorM, double CeilingM, string HeightRef);

/// <summary>An alert change on the stream: <c>raised</c>, <c>updated</c>, <c>acknowledged</c> or <c>cleared</c>, with the alert after it.</summary>
/// <param name="Change">What happened.</param>
/// <param name="Alert">The alert version.</param>
/// <param name="Mode"><c>live</c> or <c>replay</c>.</param>
public sealed record AlertEventDto(string Change, AlertDto Alert, string Mode = "live");

/// <summary>The alerts standing at a replay's position (stream event <c>alerts</c> on a replay stream, at its start and after each seek): a client replaces the replay's alert list with it.</summary>
public sealed record AlertsSnapshotEvent(string Mode, DateTimeOffset Time, IReadOnlyList<AlertDto> Alerts);

/// <summary>One alert's history (every version, oldest first).</summary>
/// <param name="Id">The alert id.</param>
/// <param name="Versions">Its versions.</param>
public sealed record AlertHistoryDto(string Id, IReadOnlyList<AlertEventDto> Versions);

/// <summary>Body of <c>POST /api/v1/alerts/{id}/acknowledge</c> (optional note).</summary>
/// <param name="Note">Free text.</param>
public sealed record AcknowledgeRequest(string? Note = null);

/// <summary>A zone change in the audit trail.</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="Version">Its version after the change.</param>
/// <param name="Time">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action"><c>created</c>, <c>updated</c>, <c>deleted</c>.</param>
public sealed record ZoneAuditDto(string ZoneId, int Version, DateTimeOffset Time, string Actor, string Action);

/// <summary>An allow-list entry.</summary>
/// <param name="UasId">The UAS ID.</param>
/// <param name="Description">Who flies it and why.</param>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="CreatedBy">Who added it (set by the server).</param>
public sealed record AllowListDto(string UasId, string Description, DateTimeOffset? From = null, DateTimeOffset? To = null, string? CreatedBy = null);
