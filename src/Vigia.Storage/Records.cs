using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Storage;

/// <summary>An observation to journal, with the raw payload it was decoded from (evidence), if any.</summary>
/// <param name="Observation">The normalised observation; <see cref="Observation.ClientId"/> is the idempotency key.</param>
/// <param name="Raw">The raw bytes or payload as received, or null.</param>
public sealed record JournalObservation(Observation Observation, ReadOnlyMemory<byte>? Raw = null);

/// <summary>What happened to one appended observation.</summary>
/// <param name="Sequence">The journal sequence number (new, or the existing copy's for a duplicate).</param>
/// <param name="Duplicate">True if (sensor, client id) was already journalled and nothing was written.</param>
public readonly record struct AppendOutcome(long Sequence, bool Duplicate);

/// <summary>A journalled observation.</summary>
/// <param name="Sequence">Journal sequence number (ascending in commit order).</param>
/// <param name="Observation">The observation as journalled.</param>
/// <param name="Raw">The raw evidence, or null.</param>
public sealed record StoredObservation(long Sequence, Observation Observation, byte[]? Raw);

/// <summary>A filter over the observation journal. Bounds are inclusive-from, exclusive-to, on sensor time.</summary>
public sealed record ObservationQuery
{
    /// <summary>Earliest sensor time (inclusive), or null.</summary>
    public Timestamp? From { get; init; }

    /// <summary>Latest sensor time (exclusive), or null.</summary>
    public Timestamp? To { get; init; }

    /// <summary>Only this sensor, or null for all.</summary>
    public string? SensorId { get; init; }

    /// <summary>Only sequence numbers greater than this (paging, recovery).</summary>
    public long AfterSequence { get; init; }

    /// <summary>Order by sequence instead of (sensor time, sequence).</summary>
    public bool BySequence { get; init; }

    /// <summary>At most this many rows (0 = no limit).</summary>
    public int Limit { get; init; }
}

/// <summary>An opaque tracker checkpoint.</summary>
/// <param name="Time">Tracker time the checkpoint was taken at.</param>
/// <param name="State">The serialised state.</param>
public sealed record TrackerCheckpoint(Timestamp Time, byte[] State);

/// <summary>Something that happened to a sensor.</summary>
/// <param name="Time">When (server clock, UTC).</param>
/// <param name="SensorId">Which sensor.</param>
/// <param name="Kind">Short machine-readable kind: <c>registered</c>, <c>revoked</c>, <c>up</c>, <c>degraded</c>, <c>down</c>, <c>late</c>, …</param>
/// <param name="Detail">Human-readable detail, may be empty.</param>
public sealed record SensorEvent(Timestamp Time, string SensorId, string Kind, string Detail);

/// <summary>A registered sensor.</summary>
public sealed record SensorRecord
{
    /// <summary>Identifier (e.g. <c>radar-1</c>), unique, case-sensitive.</summary>
    public required string Id { get; init; }

    /// <summary>Kind: <c>radar</c>, <c>remote-id</c>, <c>direction-finder</c>, <c>adsb</c>, <c>observer</c>, <c>sapient</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>WGS-84 position (height above the ellipsoid), or null for sensors that report geodetic positions only.</summary>
    public GeoPosition? Position { get; init; }

    /// <summary>Free-text description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Coverage range in metres (a radar's instrumented range, a receiver's reach), or null if unknown.</summary>
    public double? RangeMeters { get; init; }

    /// <summary>When it was registered.</summary>
    public required Timestamp Created { get; init; }

    /// <summary>When it was revoked, or null while it may send.</summary>
    public Timestamp? Revoked { get; init; }
}

/// <summary>An operator key's role. Higher roles include the lower ones.</summary>
public enum ApiKeyRole
{
    /// <summary>Reads the picture and history.</summary>
    Viewer = 0,

    /// <summary>Also acknowledges alerts, starts replays.</summary>
    Operator = 1,

    /// <summary>Also manages sensors, keys and configuration.</summary>
    Admin = 2,
}

/// <summary>An operator API key (never its secret).</summary>
public sealed record ApiKeyRecord
{
    /// <summary>Name, unique.</summary>
    public required string Name { get; init; }

    /// <summary>Role.</summary>
    public required ApiKeyRole Role { get; init; }

    /// <summary>When it was created.</summary>
    public required Timestamp Created { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public Timestamp? Revoked { get; init; }
}
