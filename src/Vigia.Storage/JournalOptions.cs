namespace Vigia.Storage;

/// <summary>Where the journal lives and how long to wait for a busy database. Bind from configuration (section <c>Journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>
    /// Folder of the embedded SQLite journal (<c>vigia.db</c> with its <c>-wal</c> and <c>-shm</c> files); created if missing.
    /// Used when <see cref="ConnectionString"/> is null or empty.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>
    /// A PostgreSQL connection string (Npgsql keywords, e.g. <c>Host=db;Port=5432;Username=vigia;Password=…;Database=vigia</c>);
    /// null or empty selects the embedded SQLite journal in <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a call waits for a database locked by another writer before failing with a <see cref="JournalException"/>
    /// (SQLite <c>busy_timeout</c>). Default 5 s.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The provider these options select.</summary>
    public JournalProvider Provider => string.IsNullOrWhiteSpace(ConnectionString) ? JournalProvider.Sqlite : JournalProvider.PostgreSql;

    /// <summary>Test hook: SQLite <c>max_page_count</c> per connection (0 = unlimited), to provoke "disk full".</summary>
    internal long SqliteMaxPageCount { get; set; }
}
