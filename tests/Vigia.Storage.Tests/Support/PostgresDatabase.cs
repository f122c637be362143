using Npgsql;

namespace Vigia.Storage.Tests.Support;

/// <summary>
/// A uniquely named fresh database per test class on the server named by <c>VIGIA_TEST_POSTGRES</c>, dropped at
/// the end. Each test then works in its own schema inside it (<see cref="PostgresTarget"/>).
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "VIGIA_TEST_POSTGRES";

    private string? _adminConnectionString;

    public string Name { get; } = "vigia_test_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            throw new InvalidOperationException($"set {Variable} (bash .ci/run starts PostgreSQL and sets it)");
        }

        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_adminConnectionString) || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
