using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Storage;

/// <summary>
/// The journal: every observation (normalised fields and raw evidence), track updates, sensor events,
/// tracker checkpoints, and the registry of sensors and operator keys. One schema, two providers
/// (<see cref="JournalProvider.Sqlite"/>, <see cref="JournalProvider.PostgreSql"/>).
/// </summary>
/// <remarks>
/// Thread-safety: every member may be called concurrently from any thread; each call uses its own
/// connection (pooled) and transaction. Durability: a returned append task means the transaction is
/// durable (SQLite WAL with <c>synchronous=FULL</c>; PostgreSQL with <c>synchronous_commit=on</c>).
/// </remarks>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Which database holds the journal.</summary>
    JournalProvider Provider { get; }

    /// <summary>The schema version the database is at after opening (migrations applied).</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Appends observations in one transaction, atomically, and returns once it is durable. An item whose
    /// (sensor, client id) is already journalled, or appears earlier in the same call, is not written again:
    /// its outcome is the existing sequence number with <see cref="AppendOutcome.Duplicate"/> set. Items
    /// without a client id are never duplicates. Outcomes are in input order.
    /// </summary>
    Task<AppendOutcome[]> AppendObservationsAsync(IReadOnlyList<JournalObservation> batch, CancellationToken cancellationToken = default);

    /// <summary>Observations matching <paramref name="query"/>, in (sensor time, sequence) order, or sequence order when <see cref="ObservationQuery.BySequence"/>.</summary>
    IAsyncEnumerable<StoredObservation> ReadObservationsAsync(ObservationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Number of journalled observations (all sensors).</summary>
    Task<long> CountObservationsAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest sensor time journalled, or null when there is none.</summary>
    Task<Timestamp?> LatestObservationTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends track updates (one row per snapshot) in one transaction.</summary>
    Task AppendTrackUpdatesAsync(IReadOnlyList<TrackSnapshot> updates, CancellationToken cancellationToken = default);

    /// <summary>One track's journalled updates in time order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TrackSnapshot>> ReadTrackHistoryAsync(long trackId, Timestamp? from, Timestamp? to, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest track id ever journalled, or 0.</summary>
    Task<long> MaxTrackIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a tracker checkpoint (opaque bytes) taken at <paramref name="time"/>; older checkpoints may be discarded.</summary>
    Task SaveCheckpointAsync(Timestamp time, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default);

    /// <summary>The most recent checkpoint, or null.</summary>
    Task<TrackerCheckpoint?> LoadLatestCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends a sensor event (registered, revoked, up, down, clock offset, late data, …).</summary>
    Task AppendSensorEventAsync(SensorEvent sensorEvent, CancellationToken cancellationToken = default);

    /// <summary>Sensor events in time order, optionally for one sensor, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SensorEvent>> ReadSensorEventsAsync(string? sensorId, Timestamp? from, Timestamp? to, int limit, CancellationToken cancellationToken = default);

    /// <summary>Registers a sensor with the SHA-256 hash of its bearer token; false if the id exists.</summary>
    Task<bool> AddSensorAsync(SensorRecord sensor, ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Every registered sensor, revoked ones included, ordered by id.</summary>
    Task<IReadOnlyList<SensorRecord>> ListSensorsAsync(CancellationToken cancellationToken = default);

    /// <summary>The non-revoked sensor whose token hash matches, or null.</summary>
    Task<SensorRecord?> FindSensorByTokenHashAsync(ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Revokes a sensor (its token stops working at once); false if unknown or already revoked.</summary>
    Task<bool> RevokeSensorAsync(string sensorId, Timestamp time, CancellationToken cancellationToken = default);

    /// <summary>Adds an operator API key by the SHA-256 hash of its secret; false if the name exists.</summary>
    Task<bool> AddApiKeyAsync(ApiKeyRecord key, ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken = default);

    /// <summary>Every API key (never the secret), revoked ones included, ordered by name.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>The non-revoked key whose secret hash matches, or null.</summary>
    Task<ApiKeyRecord?> FindApiKeyByHashAsync(ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken = default);

    /// <summary>Revokes an API key; false if unknown or already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string name, Timestamp time, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes observations, track updates, sensor events and checkpoints older than <paramref name="cutoff"/>
    /// (observations by their receive time, the server's clock; the others by their record time) in transactions of at most <paramref name="batchSize"/> rows each, so that
    /// concurrent appends wait at most one small transaction. Returns the number of rows deleted.
    /// </summary>
    Task<long> DeleteOlderThanAsync(Timestamp cutoff, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>A cheap round trip that proves the database answers and accepts writes (for <c>/readyz</c>); throws <see cref="JournalException"/> if not.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);
}
