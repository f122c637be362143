namespace Vigia.Protocols.Sapient;

/// <summary>Thrown by the convenience <c>Decode</c>/<c>ReadFrame</c> methods (tools and tests only) when bytes are refused.</summary>
public sealed class SapientDecodeException : Exception
{
    /// <summary>Creates the exception for a decode error.</summary>
    public SapientDecodeException(SapientError error)
        : base(error.Message)
    {
        Error = error;
    }

    /// <summary>Creates an exception without details.</summary>
    public SapientDecodeException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public SapientDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and inner exception.</summary>
    public SapientDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error.</summary>
    public SapientError Error { get; }
}
