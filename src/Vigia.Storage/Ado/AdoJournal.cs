using System.Data.Common;
using System.Globalization;
using Vigia.Core.Time;

namespace Vigia.Storage.Ado;

/// <summary>
/// What the two providers share: connection and transaction handling, error translation, migrations, and every
/// query whose SQL is the same in SQLite and PostgreSQL. A provider supplies connections, write transactions,
/// the observation append (its fast path differs) and its error messages.
/// </summary>
/// <remarks>Thread-safety: thread-safe; each call opens its own pooled connection.</remarks>
internal abstract partial class AdoJournal : IJournal
{
    /// <summary>Checkpoints kept by <see cref="SaveCheckpointAsync"/>; older ones are deleted in the same transaction.</summary>
    internal const int CheckpointsKept = 3;

    private int _disposed;

    /// <inheritdoc />
    public abstract JournalProvider Provider { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    /// <summary>Where the data lives, for messages: a file path or <c>host:port/database</c>.</summary>
    protected abstract string Location { get; }

    /// <summary><c>COLLATE</c> clause that orders text by code point (PostgreSQL's default collation is linguistic).</summary>
    protected virtual string OrdinalCollation => "";

    /// <summary>Opens a pooled connection with the per-connection settings applied.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a write transaction that holds the write lock from its first statement (SQLite <c>BEGIN IMMEDIATE</c>).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises schema changes between processes opening the same database, inside <paramref name="transaction"/>.</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A clear <see cref="JournalException"/> for a provider error during <paramref name="operation"/>.</summary>
    protected abstract JournalException Translate(DbException exception, string operation);

    /// <summary>The value to store for a double (SQLite cannot store NaN; it stores NULL, read back as NaN).</summary>
    protected virtual object Real(double value) => value;

    /// <summary>Appends observations inside <paramref name="transaction"/>; see <see cref="IJournal.AppendObservationsAsync"/>.</summary>
    protected abstract Task<AppendOutcome[]> AppendObservationsCoreAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalObservation> batch, CancellationToken cancellationToken);

    /// <summary>Releases provider resources (pools, data sources).</summary>
    protected abstract ValueTask DisposeCoreAsync();

    /// <inheritdoc />
    public async Task<AppendOutcome[]> AppendObservationsAsync(IReadOnlyList<JournalObservation> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i]?.Observation is null)
            {
                throw new ArgumentException($"batch item {i} is null or has no observation", nameof(batch));
            }
        }

        if (batch.Count == 0)
        {
            return [];
        }

        return await WriteAsync(
            "appending observations",
            (connection, transaction, ct) => AppendObservationsCoreAsync(connection, transaction, batch, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await using var command = connection.CreateCommand(transaction, "INSERT INTO journal_health (checked_ns) VALUES (@t)");
                    command.Add("@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (DbException e)
        {
            throw Translate(e, "checking the journal");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeCoreAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="body"/> in one write transaction and commits it; provider errors become <see cref="JournalException"/>.</summary>
    protected async Task<T> WriteAsync<T>(
        string operation, Func<DbConnection, DbTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await body(connection, transaction, cancellationToken).ConfigureAwait(false);

                    // Not cancellable: once the commit is sent its outcome must be known to the caller.
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    return result;
                }
            }
        }
        catch (DbException e)
        {
            throw Translate(e, operation);
        }
    }

    /// <summary>Runs a read on a pooled connection; provider errors become <see cref="JournalException"/>.</summary>
    protected async Task<T> ReadAsync<T>(string operation, Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await body(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            throw Translate(e, operation);
        }
    }

    /// <summary>Applies the pending <paramref name="migrations"/>, each in its own transaction; refuses a newer database.</summary>
    protected async Task MigrateAsync(IReadOnlyList<Migration> migrations, string createVersionTableSql, CancellationToken cancellationToken)
    {
        var latest = migrations[^1].Version;
        var current = await WriteAsync("reading the schema version", async (connection, transaction, ct) =>
        {
            await LockSchemaAsync(connection, transaction, ct).ConfigureAwait(false);
            await using (var create = connection.CreateCommand(transaction, createVersionTableSql))
            {
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return await ReadSchemaVersionAsync(connection, transaction, latest, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        SchemaVersion = current;

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            SchemaVersion = await WriteAsync($"applying schema migration {migration.Version} ({migration.Description})", async (connection, transaction, ct) =>
            {
                // Another process may have applied it since the version was read: re-read under the lock.
                await LockSchemaAsync(connection, transaction, ct).ConfigureAwait(false);
                var now = await ReadSchemaVersionAsync(connection, transaction, latest, ct).ConfigureAwait(false);
                if (now >= migration.Version)
                {
                    return now;
                }

                await using (var step = connection.CreateCommand(transaction, migration.Sql))
                {
                    await step.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using var record = connection.CreateCommand(
                    transaction, "INSERT INTO schema_migrations (version, description, applied_ns) VALUES (@v, @d, @t)");
                record.Add("@v", migration.Version);
                record.Add("@d", migration.Description);
                record.Add("@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L);
                await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return migration.Version;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sensor time in nanoseconds, or DBNull.</summary>
    protected static object Nanos(Timestamp? time) => time is { } t ? t.UnixNanoseconds : DBNull.Value;

    private async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction transaction, int latest, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        var current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > latest)
        {
            throw new JournalException(
                $"The journal at {Location} has schema version {current}, newer than this program's {latest}: " +
                "it was written by a newer Vigía. Run that version, or point this one at another database.");
        }

        return current;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
