using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Vigia.Storage.Ado;

namespace Vigia.Storage.Postgres;

/// <summary>The observation append: the whole batch as one multi-row INSERT over <c>unnest</c> of typed arrays.</summary>
internal sealed partial class PostgresJournal
{
    // One round trip for the batch: each column travels as one binary array; unnest turns them back into rows in
    // input order (WITH ORDINALITY … ORDER BY), so identity values are drawn in input order too.
    private static readonly string InsertObservationsSql =
        $"INSERT INTO observations ({ObservationRow.Columns}) " +
        $"SELECT {ObservationRow.Columns} FROM unnest(" +
        "@sensor_id, @client_id, @sensor_time_ns, @receive_time_ns, @kind, @v0, @v1, @v2, " +
        "@c00, @c01, @c02, @c11, @c12, @c22, @sensor_e, @sensor_n, @sensor_u, " +
        "@uas_id, @operator_lat, @operator_lon, @operator_h, @raw, @identity) WITH ORDINALITY " +
        $"AS u({ObservationRow.Columns}, ord) ORDER BY ord " +
        "ON CONFLICT (sensor_id, client_id) DO NOTHING RETURNING seq, sensor_id, client_id";

    private const string ExistingSql =
        "SELECT o.seq, o.sensor_id, o.client_id FROM observations o " +
        "JOIN unnest(@sensor_id, @client_id) AS k(sensor_id, client_id) ON o.sensor_id = k.sensor_id AND o.client_id = k.client_id";

    /// <inheritdoc />
    /// <remarks>
    /// Duplicates inside the batch are resolved here (the first occurrence is written, later ones point at it);
    /// rows the INSERT skipped are duplicates of journalled rows, whose numbers one query looks up. Rows without a
    /// client id are matched to the returned numbers in ascending order: the advisory lock makes this transaction the
    /// only one drawing from the identity, in input order.
    /// </remarks>
    protected override async Task<AppendOutcome[]> AppendObservationsCoreAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalObservation> batch, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        await AdvisoryLockAsync(npgsql, tx, AppendLockKey, cancellationToken).ConfigureAwait(false);

        var n = batch.Count;
        var outcomes = new AppendOutcome[n];
        var done = new bool[n];
        var sameAs = new int[n];
        var firstByKey = new Dictionary<(string? Sensor, string Client), int>();
        var written = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var o = batch[i].Observation;
            sameAs[i] = -1;
            if (o.ClientId is { } client)
            {
                if (firstByKey.TryGetValue((o.Sensor.Value, client), out var first))
                {
                    sameAs[i] = first;
                    continue;
                }

                firstByKey.Add((o.Sensor.Value, client), i);
            }

            written.Add(i);
        }

        var unkeyedSequences = new List<long>();
        await using (var insert = BuildInsert(npgsql, tx, batch, written))
        {
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var seq = reader.GetInt64(0);
                if (reader.IsDBNull(2))
                {
                    unkeyedSequences.Add(seq);
                    continue;
                }

                var index = firstByKey[(reader.GetString(1), reader.GetString(2))];
                outcomes[index] = new AppendOutcome(seq, Duplicate: false);
                done[index] = true;
            }
        }

        AssignUnkeyed(batch, written, unkeyedSequences, outcomes, done);
        await ResolveExistingAsync(npgsql, tx, batch, written, outcomes, done, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < n; i++)
        {
            if (sameAs[i] >= 0)
            {
                outcomes[i] = new AppendOutcome(outcomes[sameAs[i]].Sequence, Duplicate: true);
            }
        }

        return outcomes;
    }

    private static void AssignUnkeyed(
        IReadOnlyList<JournalObservation> batch, List<int> written, List<long> sequences, AppendOutcome[] outcomes, bool[] done)
    {
        sequences.Sort();
        var next = 0;
        foreach (var i in written)
        {
            if (batch[i].Observation.ClientId is null)
            {
                if (next >= sequences.Count)
                {
                    throw new InvalidOperationException("PostgreSQL returned fewer sequence numbers than rows written without a client id.");
                }

                outcomes[i] = new AppendOutcome(sequences[next++], Duplicate: false);
                done[i] = true;
            }
        }
    }

    private static async Task ResolveExistingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalObservation> batch, List<int> written,
        AppendOutcome[] outcomes, bool[] done, CancellationToken cancellationToken)
    {
        var missing = written.Where(i => !done[i]).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var byKey = missing.ToDictionary(i => (batch[i].Observation.Sensor.Value, batch[i].Observation.ClientId!));
        await using var lookup = new NpgsqlCommand(ExistingSql, connection, transaction);
        lookup.Parameters.Add(TextArray("sensor_id", missing.Select(i => batch[i].Observation.Sensor.Value).ToArray()));
        lookup.Parameters.Add(TextArray("client_id", missing.Select(i => batch[i].Observation.ClientId).ToArray()));
        await using var reader = await lookup.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = byKey[(reader.GetString(1), reader.GetString(2))];
            outcomes[index] = new AppendOutcome(reader.GetInt64(0), Duplicate: true);
            done[index] = true;
        }

        if (missing.Any(i => !done[i]))
        {
            throw new InvalidOperationException("An observation was neither inserted nor found as a duplicate.");
        }
    }

    private static NpgsqlCommand BuildInsert(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalObservation> batch, List<int> rows)
    {
        var n = rows.Count;
        var sensor = new string?[n];
        var client = new string?[n];
        var sensorTime = new long[n];
        var receiveTime = new long[n];
        var kind = new int[n];
        var reals = new double[12][];
        for (var k = 0; k < reals.Length; k++)
        {
            reals[k] = new double[n];
        }

        var uas = new string?[n];
        var lat = new double?[n];
        var lon = new double?[n];
        var h = new double?[n];
        var raw = new byte[]?[n];
        var identity = new string?[n];
        for (var r = 0; r < n; r++)
        {
            var item = batch[rows[r]];
            var o = item.Observation;
            var m = o.Measurement;
            var c = m.Covariance;
            var s = m.SensorPosition;
            sensor[r] = o.Sensor.Value;
            client[r] = o.ClientId;
            sensorTime[r] = o.SensorTime.UnixNanoseconds;
            receiveTime[r] = o.ReceiveTime.UnixNanoseconds;
            kind[r] = (int)m.Kind;
            reals[0][r] = m.V0;
            reals[1][r] = m.V1;
            reals[2][r] = m.V2;
            reals[3][r] = c.M11;
            reals[4][r] = c.M12;
            reals[5][r] = c.M13;
            reals[6][r] = c.M22;
            reals[7][r] = c.M23;
            reals[8][r] = c.M33;
            reals[9][r] = s.EastMeters;
            reals[10][r] = s.NorthMeters;
            reals[11][r] = s.UpMeters;
            uas[r] = o.UasId;
            lat[r] = o.OperatorPosition?.LatitudeDegrees;
            lon[r] = o.OperatorPosition?.LongitudeDegrees;
            h[r] = o.OperatorPosition?.HeightAboveEllipsoidMeters;
            raw[r] = item.Raw is { } bytes ? bytes.ToArrayNoCopy() : null;
            identity[r] = IdentityColumn.Write(o.Identity, o.Classification);
        }

        var command = new NpgsqlCommand(InsertObservationsSql, connection, transaction);
        var p = command.Parameters;
        p.Add(TextArray("sensor_id", sensor));
        p.Add(TextArray("client_id", client));
        p.Add(new NpgsqlParameter<long[]>("sensor_time_ns", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = sensorTime });
        p.Add(new NpgsqlParameter<long[]>("receive_time_ns", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = receiveTime });
        p.Add(new NpgsqlParameter<int[]>("kind", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = kind });
        string[] realNames = ["v0", "v1", "v2", "c00", "c01", "c02", "c11", "c12", "c22", "sensor_e", "sensor_n", "sensor_u"];
        for (var k = 0; k < realNames.Length; k++)
        {
            p.Add(new NpgsqlParameter<double[]>(realNames[k], NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = reals[k] });
        }

        p.Add(TextArray("uas_id", uas));
        p.Add(new NpgsqlParameter<double?[]>("operator_lat", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = lat });
        p.Add(new NpgsqlParameter<double?[]>("operator_lon", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = lon });
        p.Add(new NpgsqlParameter<double?[]>("operator_h", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = h });
        p.Add(new NpgsqlParameter<byte[]?[]>("raw", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = raw });
        p.Add(TextArray("identity", identity));
        return command;
    }

    private static NpgsqlParameter<string?[]> TextArray(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };
}
