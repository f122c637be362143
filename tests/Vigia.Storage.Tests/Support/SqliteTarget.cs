using Microsoft.Data.Sqlite;
using Vigia.Testing;

namespace Vigia.Storage.Tests.Support;

/// <summary>A fresh temp folder per test holding <c>vigia.db</c>.</summary>
public sealed class SqliteTarget : JournalTarget
{
    public string Directory { get; } = TestPaths.NewTempDirectory();

    public string DatabasePath => Path.Combine(Directory, "vigia.db");

    public string RawConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    public override JournalOptions Options(TimeSpan? busyTimeout = null) =>
        new() { DataDirectory = Directory, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5) };

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(RawConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(RawConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
