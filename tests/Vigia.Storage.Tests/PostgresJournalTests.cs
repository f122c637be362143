using System.Diagnostics;
using Vigia.Storage.Tests.Support;

namespace Vigia.Storage.Tests;

/// <summary>
/// The journal contract on PostgreSQL: one fresh database per class (<see cref="PostgresDatabase"/>, from
/// <c>VIGIA_TEST_POSTGRES</c>), one schema per test; and the failures only a server has.
/// </summary>
public sealed class PostgresJournalTests(PostgresDatabase database) : JournalContractTests, IClassFixture<PostgresDatabase>
{
    protected override async Task<JournalTarget> CreateTargetAsync() => await PostgresTarget.CreateAsync(database);

    [Fact]
    public async Task Open_SelectsPostgreSqlByConnectionString()
    {
        var journal = await OpenAsync();

        Assert.Equal(JournalProvider.PostgreSql, journal.Provider);
    }

    [Fact]
    public async Task Open_UnreachableServer_ThrowsNamingHostAndPort()
    {
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<JournalException>(() => Journal.OpenAsync(
            new JournalOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=5" }, Ct));

        Assert.Contains("127.0.0.1:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Open_MissingDatabase_ThrowsSayingSo()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "vigia_missing_db" }.ToString();

        var e = await Assert.ThrowsAsync<JournalException>(() => Journal.OpenAsync(new JournalOptions { ConnectionString = missing }, Ct));

        Assert.Contains("vigia_missing_db", e.Message, StringComparison.Ordinal);
    }
}
