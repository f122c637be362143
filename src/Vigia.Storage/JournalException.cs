namespace Vigia.Storage;

/// <summary>
/// The journal cannot be opened or used: corrupt or locked database file, disk full, unreachable server,
/// schema newer than this program. The message says which file or server and what to do.
/// </summary>
public sealed class JournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public JournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JournalException()
    {
    }
}
