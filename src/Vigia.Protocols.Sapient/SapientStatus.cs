namespace Vigia.Protocols.Sapient;

/// <summary>Outcome of reading or decoding SAPIENT bytes; names mirror <see cref="System.Buffers.OperationStatus"/>.</summary>
public enum SapientStatus
{
    /// <summary>A whole frame or message was read.</summary>
    Done = 0,

    /// <summary>Stream framing only: the buffer ends inside a frame. Not an error; read more and try again.</summary>
    NeedMoreData = 1,

    /// <summary>The bytes violate the framing or the protobuf encoding; see <see cref="SapientError"/>.</summary>
    InvalidData = 2,
}
