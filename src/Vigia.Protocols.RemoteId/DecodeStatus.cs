namespace Vigia.Protocols.RemoteId;

/// <summary>Outcome of a Remote ID decode; names mirror <see cref="System.Buffers.OperationStatus"/> where they fit.</summary>
public enum DecodeStatus
{
    /// <summary>Decoded; the message may still carry <see cref="RemoteIdAnomalies"/>.</summary>
    Done = 0,

    /// <summary>The bytes violate the format (length, count, page index…); see <see cref="DecodeError"/>.</summary>
    InvalidData = 1,

    /// <summary>Well framed but not implemented by the standard (undefined message type 6..14).</summary>
    Unsupported = 2,
}
