namespace Vigia.Protocols.Asterix;

/// <summary>Thrown by the convenience <c>Decode</c> methods (tools and tests only) when the bytes are refused.</summary>
public sealed class ProtocolDecodeException : Exception
{
    /// <summary>Creates the exception for a decode error.</summary>
    public ProtocolDecodeException(DecodeStatus status, DecodeError error)
        : base(error.Message)
    {
        Status = status;
        Error = error;
    }

    /// <summary>Creates an exception without details.</summary>
    public ProtocolDecodeException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public ProtocolDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and inner exception.</summary>
    public ProtocolDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The decode status (InvalidData or Unsupported).</summary>
    public DecodeStatus Status { get; }

    /// <summary>The decode error.</summary>
    public DecodeError Error { get; }
}
