using Vigia.Storage.Postgres;
using Vigia.Storage.Sqlite;

namespace Vigia.Storage;

/// <summary>Opens the journal that <see cref="JournalOptions"/> selects, migrating its schema to this program's version.</summary>
public static class Journal
{
    /// <summary>The longest <see cref="JournalOptions.BusyTimeout"/> accepted: a caller waiting longer is a hang.</summary>
    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Opens the embedded SQLite journal in <see cref="JournalOptions.DataDirectory"/> (created if missing), or the
    /// PostgreSQL journal named by <see cref="JournalOptions.ConnectionString"/>, and applies any pending schema migrations.
    /// </summary>
    /// <exception cref="JournalException">
    /// The database cannot be used: not a SQLite database or corrupt, locked beyond the busy timeout, disk full,
    /// PostgreSQL unreachable, or a schema newer than this program.
    /// </exception>
    /// <exception cref="ArgumentException">Neither a data directory nor a connection string is given, or the busy timeout is out of range.</exception>
    public static async Task<IJournal> OpenAsync(JournalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > MaxBusyTimeout)
        {
            throw new ArgumentException($"BusyTimeout must be positive and at most {MaxBusyTimeout.TotalMinutes} minutes.", nameof(options));
        }

        return options.Provider == JournalProvider.Sqlite
            ? await SqliteJournal.OpenAsync(options, cancellationToken).ConfigureAwait(false)
            : await PostgresJournal.OpenAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
