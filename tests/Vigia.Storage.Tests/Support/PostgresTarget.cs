using Npgsql;

namespace Vigia.Storage.Tests.Support;

/// <summary>A fresh schema per test inside the class's database, selected through the connection's search path.</summary>
public sealed class PostgresTarget : JournalTarget
{
    private readonly string _connectionString;

    private PostgresTarget(string connectionString) => _connectionString = connectionString;

    public static async Task<PostgresTarget> CreateAsync(PostgresDatabase database)
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTarget(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ToString());
    }

    public override JournalOptions Options(TimeSpan? busyTimeout = null) =>
        new() { ConnectionString = _connectionString, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5) };

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
