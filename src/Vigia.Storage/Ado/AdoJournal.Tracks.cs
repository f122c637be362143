using System.Globalization;
using System.Text;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Storage.Ado;

/// <summary>Track updates, checkpoints and sensor events.</summary>
internal abstract partial class AdoJournal
{
    private static readonly string InsertTrackSql =
        $"INSERT INTO track_updates ({TrackRow.Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, TrackRow.ColumnCount).Select(i => "@t" + i.ToString(CultureInfo.InvariantCulture)))})";

    /// <inheritdoc />
    public Task AppendTrackUpdatesAsync(IReadOnlyList<TrackSnapshot> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync("appending track updates", async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand(transaction, InsertTrackSql);
            for (var i = 0; i < TrackRow.ColumnCount; i++)
            {
                command.Add("@t" + i.ToString(CultureInfo.InvariantCulture), TrackRow.Types[i], null);
            }

            await command.PrepareAsync(ct).ConfigureAwait(false);
            foreach (var track in updates)
            {
                TrackRow.Bind(command.Parameters, track, Real);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrackSnapshot>> ReadTrackHistoryAsync(long trackId, Timestamp? from, Timestamp? to, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<TrackSnapshot>>("reading track history", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "");
            var sql = new StringBuilder("SELECT ").Append(TrackRow.Columns).Append(" FROM track_updates WHERE track_id = @id");
            command.Add("@id", trackId);
            AppendTimeRange(sql, command, "time_ns", from, to);
            sql.Append(" ORDER BY time_ns, id");
            AppendLimit(sql, command, limit);
            command.CommandText = sql.ToString();
            var result = new List<TrackSnapshot>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(TrackRow.Read(reader));
            }

            return result;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> MaxTrackIdAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("reading the highest track id", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "SELECT COALESCE(MAX(track_id), 0) FROM track_updates");
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SaveCheckpointAsync(Timestamp time, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default) =>
        WriteAsync("saving a tracker checkpoint", async (connection, transaction, ct) =>
        {
            await using (var insert = connection.CreateCommand(transaction, "INSERT INTO checkpoints (time_ns, state) VALUES (@t, @s)"))
            {
                insert.Add("@t", time.UnixNanoseconds);
                insert.Add("@s", state.ToArrayNoCopy());
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var prune = connection.CreateCommand(
                transaction,
                "DELETE FROM checkpoints WHERE id NOT IN (SELECT id FROM checkpoints ORDER BY time_ns DESC, id DESC LIMIT @keep)");
            prune.Add("@keep", (long)CheckpointsKept);
            await prune.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<TrackerCheckpoint?> LoadLatestCheckpointAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("loading the latest checkpoint", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "SELECT time_ns, state FROM checkpoints ORDER BY time_ns DESC, id DESC LIMIT 1");
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? new TrackerCheckpoint(new Timestamp(reader.GetInt64(0)), reader.GetFieldValue<byte[]>(1))
                : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task AppendSensorEventAsync(SensorEvent sensorEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sensorEvent);
        return WriteAsync("appending a sensor event", async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand(
                transaction, "INSERT INTO sensor_events (time_ns, sensor_id, kind, detail) VALUES (@t, @s, @k, @d)");
            command.Add("@t", sensorEvent.Time.UnixNanoseconds);
            command.Add("@s", sensorEvent.SensorId);
            command.Add("@k", sensorEvent.Kind);
            command.Add("@d", sensorEvent.Detail ?? "");
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SensorEvent>> ReadSensorEventsAsync(string? sensorId, Timestamp? from, Timestamp? to, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<SensorEvent>>("reading sensor events", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "");
            var sql = new StringBuilder("SELECT time_ns, sensor_id, kind, detail FROM sensor_events WHERE 1 = 1");
            if (sensorId is not null)
            {
                sql.Append(" AND sensor_id = @s");
                command.Add("@s", sensorId);
            }

            AppendTimeRange(sql, command, "time_ns", from, to);
            sql.Append(" ORDER BY time_ns, id");
            AppendLimit(sql, command, limit);
            command.CommandText = sql.ToString();
            var result = new List<SensorEvent>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(new SensorEvent(new Timestamp(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }

            return result;
        }, cancellationToken);
    }
}
