using System.Data;
using System.Data.Common;
using Vigia.Core.Time;
using Vigia.Storage.Alerts;

namespace Vigia.Storage.Ado;

/// <summary>Zones (versioned and audited), the allow-list and the alert journal.</summary>
internal abstract partial class AdoJournal : IAlertStore
{
    private const string ZoneColumns = "id, version, feature, updated_ns, updated_by, deleted_ns";
    private const string AlertEventColumns = "seq, alert_id, version, time_ns, change, level, exercise, body";

    /// <inheritdoc />
    public Task<IReadOnlyList<ZoneRecord>> ListZonesAsync(bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ZoneRecord>>("listing zones", async (connection, ct) =>
        {
            var where = includeDeleted ? "" : " WHERE deleted_ns IS NULL";
            await using var command = connection.CreateCommand(null, $"SELECT {ZoneColumns} FROM zones{where} ORDER BY id{OrdinalCollation}");
            return await ReadAllAsync(command, ReadZone, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ZoneRecord?> GetZoneAsync(string zoneId, CancellationToken cancellationToken = default) =>
        ReadAsync("reading a zone", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, $"SELECT {ZoneColumns} FROM zones WHERE id = @id");
            command.Add("@id", DbType.String, zoneId);
            var found = await ReadAllAsync(command, ReadZone, ct).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> SaveZoneAsync(string zoneId, string feature, string actor, Timestamp time, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneId);
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return WriteAsync("saving a zone", async (connection, transaction, ct) =>
        {
            var (stored, deleted) = await CurrentZoneVersionAsync(connection, transaction, zoneId, ct).ConfigureAwait(false);
            var live = deleted ? 0 : stored;
            if (expectedVersion is { } expected && expected != live)
            {
                throw new ZoneVersionConflictException(zoneId, expected, live);
            }

            var version = stored + 1;
            var sql = stored == 0
                ? $"INSERT INTO zones ({ZoneColumns}) VALUES (@id, @v, @f, @t, @by, NULL)"
                : "UPDATE zones SET version = @v, feature = @f, updated_ns = @t, updated_by = @by, deleted_ns = NULL WHERE id = @id";
            await using (var command = connection.CreateCommand(transaction, sql))
            {
                command.Add("@id", DbType.String, zoneId);
                command.Add("@v", DbType.Int32, version);
                command.Add("@f", DbType.String, feature);
                command.Add("@t", DbType.Int64, time.UnixNanoseconds);
                command.Add("@by", DbType.String, actor);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await AuditZoneAsync(connection, transaction, new ZoneAuditEntry(zoneId, version, time, actor, live == 0 ? "created" : "updated", feature), ct).ConfigureAwait(false);
            return version;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteZoneAsync(string zoneId, string actor, Timestamp time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return WriteAsync("deleting a zone", async (connection, transaction, ct) =>
        {
            var (stored, deleted) = await CurrentZoneVersionAsync(connection, transaction, zoneId, ct).ConfigureAwait(false);
            if (stored == 0 || deleted)
            {
                return false;
            }

            await using (var command = connection.CreateCommand(
                transaction, "UPDATE zones SET version = @v, deleted_ns = @t, updated_ns = @t, updated_by = @by WHERE id = @id"))
            {
                command.Add("@id", DbType.String, zoneId);
                command.Add("@v", DbType.Int32, stored + 1);
                command.Add("@t", DbType.Int64, time.UnixNanoseconds);
                command.Add("@by", DbType.String, actor);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await AuditZoneAsync(connection, transaction, new ZoneAuditEntry(zoneId, stored + 1, time, actor, "deleted", null), ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ZoneAuditEntry>> ReadZoneAuditAsync(string? zoneId, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ZoneAuditEntry>>("reading the zone audit", async (connection, ct) =>
        {
            var where = zoneId is null ? "" : " WHERE zone_id = @id";
            await using var command = connection.CreateCommand(
                null, $"SELECT zone_id, version, time_ns, actor, action, feature FROM zone_audit{where} ORDER BY id LIMIT @limit");
            if (zoneId is not null)
            {
                command.Add("@id", DbType.String, zoneId);
            }

            command.Add("@limit", DbType.Int32, Math.Max(0, limit));
            return await ReadAllAsync(command, r => new ZoneAuditEntry(
                r.GetString(0), r.GetInt32(1), new Timestamp(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.GetNullableString(5)), ct).ConfigureAwait(false);
        }, cancellationToken);

    private static async Task<(int Version, bool Deleted)> CurrentZoneVersionAsync(DbConnection connection, DbTransaction transaction, string zoneId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT version, deleted_ns FROM zones WHERE id = @id");
        command.Add("@id", DbType.String, zoneId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetInt32(0), !reader.IsDBNull(1)) : (0, false);
    }

    private static async Task AuditZoneAsync(DbConnection connection, DbTransaction transaction, ZoneAuditEntry entry, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(
            transaction, "INSERT INTO zone_audit (zone_id, version, time_ns, actor, action, feature) VALUES (@id, @v, @t, @a, @act, @f)");
        command.Add("@id", DbType.String, entry.ZoneId);
        command.Add("@v", DbType.Int32, entry.Version);
        command.Add("@t", DbType.Int64, entry.Time.UnixNanoseconds);
        command.Add("@a", DbType.String, entry.Actor);
        command.Add("@act", DbType.String, entry.Action);
        command.Add("@f", DbType.String, (object?)entry.Feature ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static ZoneRecord ReadZone(DbDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetString(2), new Timestamp(r.GetInt64(3)), r.GetString(4), r.GetNullableTimestamp(5));
}
