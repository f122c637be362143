namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>
/// Outcome of a transport extraction. Names follow <see cref="System.Buffers.OperationStatus"/> where they
/// overlap (house style §4): bad data is a value, never an exception.
/// </summary>
public enum TransportStatus
{
    /// <summary>An Open Drone ID payload was found; the payload describes where.</summary>
    Done = 0,

    /// <summary>
    /// The frame belongs to a Remote ID transport but carries no message by design (a Wi-Fi NAN
    /// synchronisation beacon). Not an error; the CLI reports it as type <c>none</c>.
    /// </summary>
    NoPayload = 1,

    /// <summary>The frame is well formed but carries no Open Drone ID content (another AD type, another vendor IE, another action frame).</summary>
    NotRemoteId = 2,

    /// <summary>The frame violates its format (a length that overruns, a required value that differs); the error says where.</summary>
    InvalidData = 3,

    /// <summary>The frame is well framed but of a kind not implemented (a protected 802.11 frame, an unknown radiotap version).</summary>
    Unsupported = 4,
}
