using System.Data;

namespace Vigia.Storage.Ado;

/// <summary>Retention: deleting old rows in small transactions so appends never wait long.</summary>
internal abstract partial class AdoJournal
{
    /// <summary>
    /// Each table with a time, its key, and the time column retention goes by. Observations go by the server's
    /// receive time, not the sensor's: a receiver whose clock is wrong (a GPS week rollover puts it years back)
    /// must not get its fresh rows deleted.
    /// </summary>
    private static readonly (string Table, string Key, string TimeColumn)[] RetainedTables =
    [
        ("observations", "seq", "receive_time_ns"),
        ("track_updates", "id", "time_ns"),
        ("sensor_events", "id", "time_ns"),
        ("checkpoints", "id", "time_ns"),
    ];

    /// <inheritdoc />
    public async Task<long> DeleteOlderThanAsync(Vigia.Core.Time.Timestamp cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long total = 0;
        foreach (var (table, key, timeColumn) in RetainedTables)
        {
            // The sub-select picks at most one batch by the time index; the outer DELETE goes by primary key.
            var sql = $"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM {table} WHERE {timeColumn} < @cutoff LIMIT @n)";
            while (true)
            {
                var deleted = await WriteAsync($"deleting old rows from {table}", async (connection, transaction, ct) =>
                {
                    await using var command = connection.CreateCommand(transaction, sql);
                    command.Add("@cutoff", DbType.Int64, cutoff.UnixNanoseconds);
                    command.Add("@n", DbType.Int64, (long)batchSize);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                total += deleted;
                if (deleted < batchSize)
                {
                    break;
                }

                // Let waiting writers in between batches.
                await Task.Yield();
            }
        }

        return total;
    }
}
