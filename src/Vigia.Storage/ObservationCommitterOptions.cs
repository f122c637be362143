namespace Vigia.Storage;

/// <summary>Group-commit settings of <see cref="ObservationCommitter"/>.</summary>
public sealed class ObservationCommitterOptions
{
    /// <summary>
    /// Most rows written in one transaction (default 20,000). Requests are never split: a request larger than this
    /// is written alone in its own transaction.
    /// </summary>
    public int MaxRowsPerTransaction { get; set; } = 20_000;

    /// <summary>Most requests waiting for the writer (default 10,000); past it, callers get <see cref="JournalOverloadedException"/>.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
