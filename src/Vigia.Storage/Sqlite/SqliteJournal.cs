using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigia.Storage.Ado;

namespace Vigia.Storage.Sqlite;

/// <summary>
/// The embedded journal: one file <c>vigia.db</c> in the data folder, WAL mode with <c>synchronous=FULL</c> (a returned
/// append is on disk), <c>busy_timeout</c>, foreign keys on, pooled connections, one transaction per call.
/// </summary>
/// <remarks>Thread-safety: thread-safe; SQLite serialises writers (<c>BEGIN IMMEDIATE</c>), readers never block in WAL mode.</remarks>
internal sealed partial class SqliteJournal : AdoJournal
{
    /// <summary>The journal's file name inside the data folder.</summary>
    public const string FileName = "vigia.db";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly TimeSpan _busyTimeout;

    private SqliteJournal(string path, JournalOptions options)
    {
        FilePath = path;
        _busyTimeout = options.BusyTimeout;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,

            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself until this many seconds have passed; keep it no longer
            // than the busy timeout (rounded up to whole seconds) so a locked database fails instead of hanging.
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        var busyMilliseconds = (long)Math.Ceiling(options.BusyTimeout.TotalMilliseconds);
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {busyMilliseconds};")
            + (options.SqliteMaxPageCount > 0
                ? string.Create(CultureInfo.InvariantCulture, $" PRAGMA max_page_count = {options.SqliteMaxPageCount};")
                : "");
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public override JournalProvider Provider => JournalProvider.Sqlite;

    /// <inheritdoc />
    protected override string Location => FilePath;

    /// <summary>Opens (creating if needed) <c>vigia.db</c> in <see cref="JournalOptions.DataDirectory"/> and migrates it.</summary>
    public static async Task<SqliteJournal> OpenAsync(JournalOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new ArgumentException("Set DataDirectory (for the embedded SQLite journal) or ConnectionString (for PostgreSQL).", nameof(options));
        }

        var directory = Path.GetFullPath(options.DataDirectory);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"Cannot create the journal folder {directory}: {e.Message}", e);
        }

        var journal = new SqliteJournal(Path.Combine(directory, FileName), options);
        try
        {
            await journal.InitialiseAsync(cancellationToken).ConfigureAwait(false);
            return journal;
        }
        catch
        {
            await journal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    protected override Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _pragmas;
            pragmas.ExecuteNonQuery();
            return Task.FromResult<DbConnection>(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>

        // deferred: false is BEGIN IMMEDIATE: the write lock is taken now (or the busy timeout runs out now),
        // never upgraded half-way through a transaction.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc />
    protected override object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;

    /// <inheritdoc />
    protected override ValueTask DisposeCoreAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await ReadAsync("switching to WAL mode", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "PRAGMA journal_mode = WAL");
            var mode = Convert.ToString(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new JournalException($"The journal {FilePath} could not be switched to WAL mode (it is in '{mode}' mode); is the file system a network share?");
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
        await MigrateAsync(SqliteSchema.Migrations, SqliteSchema.CreateVersionTable, cancellationToken).ConfigureAwait(false);
    }
}
