namespace Vigia.Storage;

/// <summary>
/// The <see cref="ObservationCommitter"/>'s queue is full: the journal cannot keep up and the request was not queued
/// (nothing was written). Distinct from <see cref="JournalException"/> so a server can answer 503 and the client retry.
/// </summary>
public sealed class JournalOverloadedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalOverloadedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public JournalOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JournalOverloadedException()
    {
    }
}
