#:project ../../src/Vigia.Core/Vigia.Core.csproj
#:project ../../src/Vigia.Storage/Vigia.Storage.csproj

// Journal append throughput: a timed console run, not a BenchmarkDotNet benchmark (each operation is a durable
// commit, so wall-clock rows per second on the real disk is the figure that matters).
//
//   dotnet run -c Release bench/StorageThroughput/storage-throughput.cs -- [sqlite|postgres] [rows] [batch]
//
// "postgres" reads the connection string from VIGIA_TEST_POSTGRES (bash .ci/postgres.sh prints one) and uses a
// fresh database. Prints rows/s for (1) direct AppendObservationsAsync calls of <batch> rows, one transaction
// each, and (2) the ObservationCommitter with 16 concurrent callers sending 500-row requests.
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Storage;

var provider = args.Length > 0 ? args[0] : "sqlite";
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
var batchSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000;

var (options, cleanup) = await PrepareAsync(provider);
try
{
    await using (var journal = await Journal.OpenAsync(options))
    {
        var data = Make(rows, "direct");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows; i += batchSize)
        {
            await journal.AppendObservationsAsync(data.GetRange(i, Math.Min(batchSize, rows - i)));
        }

        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} direct: {rows} rows in batches of {batchSize}: {clock.Elapsed.TotalSeconds:F2} s, {rows / clock.Elapsed.TotalSeconds:F0} rows/s"));

        var committed = Make(rows, "committer");
        await using var committer = new ObservationCommitter(journal, new ObservationCommitterOptions());
        const int RequestRows = 500;
        var next = -1;
        clock.Restart();
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int start;
            while ((start = Interlocked.Increment(ref next) * RequestRows) < rows)
            {
                await committer.AppendAsync(committed.GetRange(start, Math.Min(RequestRows, rows - start)));
            }
        })).ToArray();
        await Task.WhenAll(callers);
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} committer: {rows} rows, 16 callers x {RequestRows}-row requests: {clock.Elapsed.TotalSeconds:F2} s, " +
            $"{rows / clock.Elapsed.TotalSeconds:F0} rows/s, {committer.Transactions} transactions, mean commit {committer.MeanCommitLatency.TotalMilliseconds:F1} ms"));
    }
}
finally
{
    await cleanup();
}

static List<JournalObservation> Make(int count, string prefix)
{
    var t0 = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
    var covariance = new Matrix3x3(25, 0.1, 0.2, 0.1, 1e-6, 0, 0.2, 0, 4e-6);
    var raw = new byte[48];
    var list = new List<JournalObservation>(count);
    for (var i = 0; i < count; i++)
    {
        var observation = new Observation
        {
            Sensor = new SensorId("radar-" + (i % 4).ToString(CultureInfo.InvariantCulture)),
            SensorTime = t0.AddSeconds(i * 1e-3),
            ReceiveTime = t0.AddSeconds((i * 1e-3) + 0.01),
            Measurement = Measurement.RangeAzimuthElevation(1000 + i, 1.2, 0.05, covariance, new EnuVector(1, 2, 3)),
            UasId = i % 3 == 0 ? "1596F3A1B2C3D4E5F6" : null,
            OperatorPosition = i % 3 == 0 ? new GeoPosition(40.4, -3.7, 650) : null,
            ClientId = prefix + "-" + i.ToString(CultureInfo.InvariantCulture),
        };
        list.Add(new JournalObservation(observation, i % 2 == 0 ? raw : null));
    }

    return list;
}

static async Task<(JournalOptions Options, Func<Task> Cleanup)> PrepareAsync(string provider)
{
    if (provider == "sqlite")
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigia-bench-" + Guid.NewGuid().ToString("N"));
        return (new JournalOptions { DataDirectory = dir }, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            return Task.CompletedTask;
        });
    }

    var admin = Environment.GetEnvironmentVariable("VIGIA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("set VIGIA_TEST_POSTGRES (bash .ci/postgres.sh prints one)");
    var name = "vigia_bench_" + Guid.NewGuid().ToString("N")[..12];
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE " + name, connection);
        await create.ExecuteNonQueryAsync();
    }

    var options = new JournalOptions { ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString() };
    return (options, async () =>
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    });
}
