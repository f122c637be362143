namespace Vigia.Storage;

/// <summary>The database behind a journal.</summary>
public enum JournalProvider
{
    /// <summary>Embedded SQLite file (default; no server).</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL server selected by a connection string.</summary>
    PostgreSql = 1,
}
