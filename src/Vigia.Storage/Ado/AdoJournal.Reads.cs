using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Vigia.Core.Time;

namespace Vigia.Storage.Ado;

/// <summary>Observation reads, the same SQL for both providers.</summary>
internal abstract partial class AdoJournal
{
    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObservation> ReadObservationsAsync(
        ObservationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        ThrowIfDisposed();
        DbConnection? connection = null;
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            try
            {
                connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                command = BuildObservationQuery(connection, query);
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw Translate(e, "reading observations");
            }

            while (true)
            {
                bool more;
                try
                {
                    more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e)
                {
                    throw Translate(e, "reading observations");
                }

                if (!more)
                {
                    break;
                }

                yield return ObservationRow.Read(reader);
            }
        }
        finally
        {
            if (reader is not null)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }

            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task<long> CountObservationsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("counting observations", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "SELECT COUNT(*) FROM observations");
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Timestamp?> LatestObservationTimeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("reading the latest observation time", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "SELECT MAX(sensor_time_ns) FROM observations");
            var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? (Timestamp?)null : new Timestamp(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }, cancellationToken);

    private static DbCommand BuildObservationQuery(DbConnection connection, ObservationQuery query)
    {
        var command = connection.CreateCommand(null, "");
        var sql = new StringBuilder("SELECT ").Append(ObservationRow.SelectList).Append(" FROM observations WHERE 1 = 1");
        if (query.From is { } from)
        {
            sql.Append(" AND sensor_time_ns >= @from");
            command.Add("@from", from.UnixNanoseconds);
        }

        if (query.To is { } to)
        {
            sql.Append(" AND sensor_time_ns < @to");
            command.Add("@to", to.UnixNanoseconds);
        }

        if (query.SensorId is { } sensor)
        {
            sql.Append(" AND sensor_id = @sensor");
            command.Add("@sensor", sensor);
        }

        if (query.AfterSequence > 0)
        {
            sql.Append(" AND seq > @after");
            command.Add("@after", query.AfterSequence);
        }

        sql.Append(query.BySequence ? " ORDER BY seq" : " ORDER BY sensor_time_ns, seq");
        AppendLimit(sql, command, query.Limit);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Appends <c>LIMIT @limit</c> unless <paramref name="limit"/> is 0 (no limit).</summary>
    private static void AppendLimit(StringBuilder sql, DbCommand command, int limit)
    {
        if (limit > 0)
        {
            sql.Append(" LIMIT @limit");
            command.Add("@limit", (long)limit);
        }
    }

    /// <summary>Appends time bounds on <paramref name="column"/>: from inclusive, to exclusive.</summary>
    private static void AppendTimeRange(StringBuilder sql, DbCommand command, string column, Timestamp? from, Timestamp? to)
    {
        if (from is { } f)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} >= @from");
            command.Add("@from", f.UnixNanoseconds);
        }

        if (to is { } t)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} < @to");
            command.Add("@to", t.UnixNanoseconds);
        }
    }
}
