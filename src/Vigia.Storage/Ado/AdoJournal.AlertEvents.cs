using System.Data;
using System.Data.Common;
using Vigia.Core.Time;
using Vigia.Storage.Alerts;

namespace Vigia.Storage.Ado;

/// <summary>The allow-list and the alert journal.</summary>
internal abstract partial class AdoJournal
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AllowListRecord>> ListAllowListAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AllowListRecord>>("listing the allow-list", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(
                null, $"SELECT uas_id, description, from_ns, to_ns, created_ns, created_by FROM allow_list ORDER BY uas_id{OrdinalCollation}");
            return await ReadAllAsync(command, r => new AllowListRecord(
                r.GetString(0), r.GetString(1), r.GetNullableTimestamp(2), r.GetNullableTimestamp(3), new Timestamp(r.GetInt64(4)), r.GetString(5)), ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task PutAllowListAsync(AllowListRecord entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.UasId);
        return WriteAsync("adding to the allow-list", async (connection, transaction, ct) =>
        {
            await using (var delete = connection.CreateCommand(transaction, "DELETE FROM allow_list WHERE uas_id = @id"))
            {
                delete.Add("@id", DbType.String, entry.UasId);
                await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var command = connection.CreateCommand(
                transaction, "INSERT INTO allow_list (uas_id, description, from_ns, to_ns, created_ns, created_by) VALUES (@id, @d, @f, @t, @c, @by)");
            command.Add("@id", DbType.String, entry.UasId);
            command.Add("@d", DbType.String, entry.Description);
            command.Add("@f", DbType.Int64, Nanos(entry.From));
            command.Add("@t", DbType.Int64, Nanos(entry.To));
            command.Add("@c", DbType.Int64, entry.CreatedAt.UnixNanoseconds);
            command.Add("@by", DbType.String, entry.CreatedBy);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAllowListAsync(string uasId, CancellationToken cancellationToken = default) =>
        WriteAsync("removing from the allow-list", async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand(transaction, "DELETE FROM allow_list WHERE uas_id = @id");
            command.Add("@id", DbType.String, uasId);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public Task AppendAlertEventsAsync(IReadOnlyList<AlertEventRecord> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync("journalling alerts", (connection, transaction, ct) => AppendAlertEventsCoreAsync(connection, transaction, events, ct), cancellationToken);
    }

    /// <summary>Inserts alert versions in the caller's transaction (a version already journalled is skipped); returns how many were given.</summary>
    private static async Task<int> AppendAlertEventsCoreAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AlertEventRecord> events, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(
            transaction,
            "INSERT INTO alert_events (alert_id, version, time_ns, change, level, exercise, body) VALUES (@a, @v, @t, @c, @l, @x, @b) ON CONFLICT DO NOTHING");
        var a = command.Add("@a", DbType.String, "");
        var v = command.Add("@v", DbType.Int32, 0);
        var t = command.Add("@t", DbType.Int64, 0L);
        var c = command.Add("@c", DbType.String, "");
        var l = command.Add("@l", DbType.Int32, 0);
        var x = command.Add("@x", DbType.Int32, 0);
        var b = command.Add("@b", DbType.String, "");
        foreach (var e in events)
        {
            (a.Value, v.Value, t.Value, c.Value, l.Value, x.Value, b.Value) =
                (e.AlertId, e.Version, e.Time.UnixNanoseconds, e.Change, e.Level, e.Exercise ? 1 : 0, e.Body);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return events.Count;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertEventRecord>> ReadAlertEventsAsync(string? alertId, Timestamp? from, Timestamp? to, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AlertEventRecord>>("reading alerts", async (connection, ct) =>
        {
            var filters = new List<string>();
            await using var command = connection.CreateCommand(null, "");
            if (alertId is not null)
            {
                filters.Add("alert_id = @a");
                command.Add("@a", DbType.String, alertId);
            }

            if (from is { } f)
            {
                filters.Add("time_ns >= @f");
                command.Add("@f", DbType.Int64, f.UnixNanoseconds);
            }

            if (to is { } t)
            {
                filters.Add("time_ns <= @t");
                command.Add("@t", DbType.Int64, t.UnixNanoseconds);
            }

            command.Add("@limit", DbType.Int32, Math.Max(0, limit));
            var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
            command.CommandText = $"SELECT {AlertEventColumns} FROM alert_events{where} ORDER BY time_ns, seq LIMIT @limit";
            return await ReadAllAsync(command, ReadAlertEvent, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertEventRecord>> ReadStandingAlertsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AlertEventRecord>>("reading standing alerts", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, $"""
                SELECT {AlertEventColumns} FROM alert_events e
                WHERE e.version = (SELECT MAX(version) FROM alert_events m WHERE m.alert_id = e.alert_id)
                  AND NOT EXISTS (SELECT 1 FROM alert_events c WHERE c.alert_id = e.alert_id AND c.change = 'cleared')
                ORDER BY e.time_ns, e.seq
                """);
            return await ReadAllAsync(command, ReadAlertEvent, ct).ConfigureAwait(false);
        }, cancellationToken);

    private static AlertEventRecord ReadAlertEvent(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetInt32(2), new Timestamp(r.GetInt64(3)), r.GetString(4), r.GetInt32(5), r.GetInt32(6) != 0, r.GetString(7));
}
