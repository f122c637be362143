using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Vigia.Storage.Postgres;

/// <summary>
/// The journal in PostgreSQL, selected by a connection string: the same tables and meaning as the SQLite journal,
/// with <c>synchronous_commit=on</c> forced on every connection (a returned append is durable).
/// </summary>
/// <remarks>
/// Thread-safety: thread-safe; connections come from one <see cref="NpgsqlDataSource"/> pool. Observation appends
/// are serialised by a transaction-scoped advisory lock, so sequence numbers ascend in commit order (a reader paging
/// with <see cref="ObservationQuery.AfterSequence"/> never skips a row committed later with a lower number).
/// </remarks>
internal sealed partial class PostgresJournal : Ado.AdoJournal
{
    // pg_advisory_xact_lock keys: "Vigia" in ASCII, then the lock's purpose.
    private const long SchemaLockKey = 0x5669676961_0001;
    private const long AppendLockKey = 0x5669676961_0002;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresJournal(NpgsqlDataSource dataSource, string host, int port, string database)
    {
        _dataSource = dataSource;
        Host = host;
        Port = port;
        Database = database;
    }

    /// <inheritdoc />
    public override JournalProvider Provider => JournalProvider.PostgreSql;

    /// <summary>Server host, for messages.</summary>
    public string Host { get; }

    /// <summary>Server port, for messages.</summary>
    public int Port { get; }

    /// <summary>Database name, for messages.</summary>
    public string Database { get; }

    /// <inheritdoc />
    protected override string Location => $"PostgreSQL {Host}:{Port}/{Database}";

    /// <inheritdoc />
    protected override string OrdinalCollation => " COLLATE \"C\"";

    /// <summary>Connects with <see cref="JournalOptions.ConnectionString"/> and migrates the schema.</summary>
    public static async Task<PostgresJournal> OpenAsync(JournalOptions options, CancellationToken cancellationToken)
    {
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new JournalException($"The PostgreSQL connection string is not valid: {e.Message}", e);
        }

        var settings = builder.ConnectionStringBuilder;

        // Durability must not depend on the server's configuration: force synchronous_commit for our sessions.
        settings.Options = ((settings.Options ?? "") + " -c synchronous_commit=on").Trim();
        var host = settings.Host ?? "localhost";
        var journal = new PostgresJournal(builder.Build(), host, settings.Port, settings.Database ?? settings.Username ?? "");
        try
        {
            await journal.MigrateAsync(PostgresSchema.Migrations, PostgresSchema.CreateVersionTable, cancellationToken).ConfigureAwait(false);
            return journal;
        }
        catch
        {
            await journal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        AdvisoryLockAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, SchemaLockKey, cancellationToken);

    /// <inheritdoc />
    protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    protected override JournalException Translate(DbException exception, string operation)
    {
        var message = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.DiskFull } pg =>
                $"Disk full on the PostgreSQL server {Host}:{Port} while {operation}: {pg.MessageText}",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } pg =>
                $"PostgreSQL {Host}:{Port}: {pg.MessageText}. Create the database, or fix Database= in the connection string.",
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
                $"PostgreSQL {Host}:{Port} refused the login: {pg.MessageText}. Check Username and Password in the connection string.",
            PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.QueryCanceled } pg =>
                $"The journal at {Location} is locked or busy while {operation}: {pg.MessageText}",
            PostgresException pg when pg.SqlState.StartsWith("23", StringComparison.Ordinal) =>
                $"The journal at {Location} rejected a row while {operation}: {pg.MessageText}",
            PostgresException pg =>
                $"PostgreSQL error {pg.SqlState} while {operation} at {Location}: {pg.MessageText}",
            _ when IsConnectionFailure(exception) =>
                $"PostgreSQL at {Host}:{Port} is unreachable while {operation}: {Innermost(exception).Message}. " +
                "Check that the server runs and that Host and Port in the connection string are right.",
            _ => $"PostgreSQL error while {operation} at {Location}: {exception.Message}",
        };
        return new JournalException(message, exception);
    }

    private static bool IsConnectionFailure(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException or IOException)
            {
                return true;
            }
        }

        return exception is NpgsqlException { IsTransient: true };
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static async Task AdvisoryLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", connection, transaction);
        command.Parameters.AddWithValue("k", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
