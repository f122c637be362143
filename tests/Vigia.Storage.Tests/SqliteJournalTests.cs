using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vigia.Storage.Tests.Support;

namespace Vigia.Storage.Tests;

/// <summary>The journal contract on SQLite (a fresh temp folder per test), and the failures only a file has.</summary>
public sealed class SqliteJournalTests : JournalContractTests
{
    private SqliteTarget Sqlite => (SqliteTarget)Target;

    protected override Task<JournalTarget> CreateTargetAsync() => Task.FromResult<JournalTarget>(new SqliteTarget());

    [Fact]
    public async Task Open_CreatesTheFolder_AndUsesWal()
    {
        var nested = Path.Combine(Sqlite.Directory, "a", "b");
        await using var journal = await Journal.OpenAsync(new JournalOptions { DataDirectory = nested }, Ct);

        Assert.Equal(JournalProvider.Sqlite, journal.Provider);
        Assert.True(File.Exists(Path.Combine(nested, "vigia.db")));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(nested, "vigia.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Open_FileThatIsNotSqlite_ThrowsNamingTheFile()
    {
        var random = new byte[8192];
        new Random(42).NextBytes(random);
        await File.WriteAllBytesAsync(Sqlite.DatabasePath, random, Ct);

        var e = await Assert.ThrowsAsync<JournalException>(() => OpenAsync());

        Assert.Contains(Sqlite.DatabasePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database or is corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_LockedByAnotherConnection_ThrowsLockedWithinSeconds()
    {
        var journal = await OpenAsync();
        await journal.DisposeAsync();
        await using var holder = new SqliteConnection(Sqlite.RawConnectionString);
        await holder.OpenAsync(Ct);
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<JournalException>(() => OpenAsync(TimeSpan.FromMilliseconds(300)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains("locked", e.Message, StringComparison.Ordinal);
        Assert.Contains(Sqlite.DatabasePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_WhileAnotherConnectionHoldsTheLock_ThrowsLocked_AndCheckFails()
    {
        var journal = await OpenAsync(TimeSpan.FromMilliseconds(300));
        await using var holder = new SqliteConnection(Sqlite.RawConnectionString);
        await holder.OpenAsync(Ct);
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var clock = Stopwatch.StartNew();
        var append = await Assert.ThrowsAsync<JournalException>(() => journal.AppendObservationsAsync([Build.Plot("radar-1", 1, "a")], Ct));
        var check = await Assert.ThrowsAsync<JournalException>(() => journal.CheckAsync(Ct));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Contains("locked", append.Message, StringComparison.Ordinal);
        Assert.Contains("locked", check.Message, StringComparison.Ordinal);

        // Readers are not blocked in WAL mode, and the journal works again once the lock is released.
        Assert.Equal(0, await journal.CountObservationsAsync(Ct));
        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        Assert.Single(await journal.AppendObservationsAsync([Build.Plot("radar-1", 1, "a")], Ct));
    }

    [Fact]
    public async Task Append_DiskFull_ThrowsDiskFull_AndLeavesNothing()
    {
        var options = Target.Options();
        await using (var create = await Journal.OpenAsync(options, Ct))
        {
            await create.AppendObservationsAsync([Build.Plot("radar-1", 0, "before")], Ct);
        }

        // max_page_count makes SQLite answer SQLITE_FULL once the file would grow past it, as a full disk does.
        SqliteConnection.ClearAllPools();
        var pages = await Target.ScalarAsync("PRAGMA page_count");
        options.SqliteMaxPageCount = pages + 2;
        await using var journal = await Journal.OpenAsync(options, Ct);
        var big = Enumerable.Range(0, 50).Select(i => Build.Plot("radar-1", i, "big" + i, new byte[4096])).ToList();

        var e = await Assert.ThrowsAsync<JournalException>(() => journal.AppendObservationsAsync(big, Ct));

        Assert.Contains("Disk full", e.Message, StringComparison.Ordinal);
        Assert.Equal("before", Assert.Single(await ReadAllAsync(journal)).Observation.ClientId);
    }

    [Fact]
    public async Task Open_WithoutDataDirectoryOrConnectionString_IsAnArgumentError()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.OpenAsync(new JournalOptions(), Ct));
    }
}
