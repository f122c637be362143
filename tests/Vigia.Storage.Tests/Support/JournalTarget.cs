namespace Vigia.Storage.Tests.Support;

/// <summary>One provider's fresh, empty database for one test, and raw SQL access to it.</summary>
public abstract class JournalTarget : IAsyncDisposable
{
    /// <summary>Options that open this target's database.</summary>
    public abstract JournalOptions Options(TimeSpan? busyTimeout = null);

    /// <summary>Runs SQL on the database directly, bypassing the journal.</summary>
    public abstract Task ExecuteAsync(string sql);

    /// <summary>Runs a scalar query directly.</summary>
    public abstract Task<long> ScalarAsync(string sql);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
