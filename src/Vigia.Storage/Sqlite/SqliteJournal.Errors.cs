using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Vigia.Storage.Sqlite;

/// <summary>SQLite result codes turned into messages an operator can act on.</summary>
internal sealed partial class SqliteJournal
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteNotADatabase = 26;

    /// <inheritdoc />
    protected override JournalException Translate(DbException exception, string operation)
    {
        var code = exception is SqliteException sqlite ? sqlite.SqliteErrorCode & 0xFF : -1;
        var detail = exception.Message;
        var message = code switch
        {
            SqliteNotADatabase or SqliteCorrupt =>
                $"{FilePath} is not a SQLite database or is corrupt ({detail}). Move it aside or restore a backup; " +
                "Vigía creates a new, empty journal when the file is absent.",
            SqliteBusy or SqliteLocked =>
                $"The journal {FilePath} is locked by another process or connection: no lock within the busy timeout of " +
                $"{_busyTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s while {operation}. " +
                "Is another Vigía using the same data folder?",
            SqliteFull =>
                $"Disk full while {operation} in {FilePath} ({detail}): free space on that disk, or shorten the retention.",
            SqliteCantOpen =>
                $"Cannot open the journal file {FilePath} ({detail}): check that the folder exists and is writable.",
            SqliteReadOnly =>
                $"The journal {FilePath} is read-only ({detail}): check the file's permissions and the file system.",
            SqliteIoError =>
                $"I/O error while {operation} in {FilePath} ({detail}): check the disk.",
            SqliteConstraint =>
                $"The journal {FilePath} rejected a row while {operation}: {detail}",
            _ => $"SQLite error while {operation} in {FilePath}: {detail}",
        };
        return new JournalException(message, exception);
    }
}
