using Vigia.Core.Time;

namespace Vigia.Storage.Alerts;

/// <summary>
/// Zones (versioned, every change audited), the allow-list, and the alert journal (every alert version,
/// append-only, so alerts can be replayed and audited). Implemented by the journal, on both providers.
/// </summary>
/// <remarks>Thread-safety: as <see cref="IJournal"/>: every member may be called concurrently.</remarks>
public interface IAlertStore
{
    /// <summary>Zones, ordered by id; deleted ones only when <paramref name="includeDeleted"/>.</summary>
    Task<IReadOnlyList<ZoneRecord>> ListZonesAsync(bool includeDeleted = false, CancellationToken cancellationToken = default);

    /// <summary>One zone (deleted or not), or null.</summary>
    Task<ZoneRecord?> GetZoneAsync(string zoneId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates a zone and audits it, in one transaction; returns the new version. With
    /// <paramref name="expectedVersion"/> set, the save happens only if the stored version (0: none, or
    /// deleted) is that one, else <see cref="ZoneVersionConflictException"/>.
    /// </summary>
    Task<int> SaveZoneAsync(string zoneId, string feature, string actor, Timestamp time, int? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Marks a zone deleted and audits it; false when unknown or already deleted.</summary>
    Task<bool> DeleteZoneAsync(string zoneId, string actor, Timestamp time, CancellationToken cancellationToken = default);

    /// <summary>The audit trail (one zone, or all), oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ZoneAuditEntry>> ReadZoneAuditAsync(string? zoneId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The allow-list, ordered by UAS ID.</summary>
    Task<IReadOnlyList<AllowListRecord>> ListAllowListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces an allow-list entry.</summary>
    Task PutAllowListAsync(AllowListRecord entry, CancellationToken cancellationToken = default);

    /// <summary>Removes an allow-list entry; false when unknown.</summary>
    Task<bool> RemoveAllowListAsync(string uasId, CancellationToken cancellationToken = default);

    /// <summary>Appends alert versions in one transaction (a version already journalled is skipped).</summary>
    Task AppendAlertEventsAsync(IReadOnlyList<AlertEventRecord> events, CancellationToken cancellationToken = default);

    /// <summary>Alert versions in time order (one alert, or all in a period), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertEventRecord>> ReadAlertEventsAsync(string? alertId, Timestamp? from, Timestamp? to, int limit, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every alert that has not been cleared.</summary>
    Task<IReadOnlyList<AlertEventRecord>> ReadStandingAlertsAsync(CancellationToken cancellationToken = default);
}
