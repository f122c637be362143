using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigia.Storage.Ado;

namespace Vigia.Storage.Sqlite;

/// <summary>The observation append: one prepared statement reused for every row of the transaction.</summary>
internal sealed partial class SqliteJournal
{
    private static readonly string InsertObservationSql =
        $"INSERT INTO observations ({ObservationRow.Columns}) VALUES " +
        $"({string.Join(", ", Enumerable.Range(0, ObservationRow.ColumnCount).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) " +
        "ON CONFLICT (sensor_id, client_id) DO NOTHING RETURNING seq";

    private static readonly SqliteType[] ObservationTypes =
    [
        SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Integer,
        SqliteType.Real, SqliteType.Real, SqliteType.Real,
        SqliteType.Real, SqliteType.Real, SqliteType.Real, SqliteType.Real, SqliteType.Real, SqliteType.Real,
        SqliteType.Real, SqliteType.Real, SqliteType.Real,
        SqliteType.Text, SqliteType.Real, SqliteType.Real, SqliteType.Real, SqliteType.Blob, SqliteType.Text,
    ];

    /// <inheritdoc />
    /// <remarks>
    /// SQLite runs in-process, so one reused prepared statement per row costs microseconds and needs no parameter
    /// arrays; the cost that matters, the durable commit, is paid once per call. A row whose (sensor, client id)
    /// exists (journalled before, or earlier in this batch: the transaction sees its own rows) inserts nothing and
    /// returns no seq; its seq is then looked up.
    /// </remarks>
    protected override Task<AppendOutcome[]> AppendObservationsCoreAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalObservation> batch, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        using var insert = sqlite.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = InsertObservationSql;
        var p = new SqliteParameter[ObservationRow.ColumnCount];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = insert.Parameters.Add("@p" + i.ToString(CultureInfo.InvariantCulture), ObservationTypes[i]);
        }

        insert.Prepare();
        SqliteCommand? existing = null;
        try
        {
            var outcomes = new AppendOutcome[batch.Count];
            for (var row = 0; row < batch.Count; row++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Bind(p, batch[row]);
                if (insert.ExecuteScalar() is long seq)
                {
                    outcomes[row] = new AppendOutcome(seq, Duplicate: false);
                    continue;
                }

                existing ??= CreateExistingLookup(sqlite, (SqliteTransaction)transaction);
                existing.Parameters[0].Value = p[0].Value;
                existing.Parameters[1].Value = p[1].Value;
                outcomes[row] = new AppendOutcome((long)existing.ExecuteScalar()!, Duplicate: true);
            }

            return Task.FromResult(outcomes);
        }
        finally
        {
            existing?.Dispose();
        }
    }

    private static SqliteCommand CreateExistingLookup(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq FROM observations WHERE sensor_id = @s AND client_id = @c";
        command.Parameters.Add("@s", SqliteType.Text);
        command.Parameters.Add("@c", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private void Bind(SqliteParameter[] p, JournalObservation item)
    {
        var o = item.Observation;
        var m = o.Measurement;
        var c = m.Covariance;
        var s = m.SensorPosition;
        p[0].Value = (object?)o.Sensor.Value ?? DBNull.Value;
        p[1].Value = (object?)o.ClientId ?? DBNull.Value;
        p[2].Value = o.SensorTime.UnixNanoseconds;
        p[3].Value = o.ReceiveTime.UnixNanoseconds;
        p[4].Value = (int)m.Kind;
        p[5].Value = Real(m.V0);
        p[6].Value = Real(m.V1);
        p[7].Value = Real(m.V2);
        p[8].Value = Real(c.M11);
        p[9].Value = Real(c.M12);
        p[10].Value = Real(c.M13);
        p[11].Value = Real(c.M22);
        p[12].Value = Real(c.M23);
        p[13].Value = Real(c.M33);
        p[14].Value = Real(s.EastMeters);
        p[15].Value = Real(s.NorthMeters);
        p[16].Value = Real(s.UpMeters);
        p[17].Value = (object?)o.UasId ?? DBNull.Value;
        p[18].Value = o.OperatorPosition is { } a ? Real(a.LatitudeDegrees) : DBNull.Value;
        p[19].Value = o.OperatorPosition is { } b ? Real(b.LongitudeDegrees) : DBNull.Value;
        p[20].Value = o.OperatorPosition is { } h ? Real(h.HeightAboveEllipsoidMeters) : DBNull.Value;
        p[21].Value = item.Raw is { } raw ? raw.ToArrayNoCopy() : DBNull.Value;
        p[22].Value = (object?)IdentityColumn.Write(o.Identity, o.Classification) ?? DBNull.Value;
    }
}
