namespace Vigia.Protocols.RemoteId;

/// <summary>
/// One decoded 25-byte Remote ID message: the header (type, protocol version), anomaly flags and the body of
/// its type. Only the body named by <see cref="MessageType"/> is meaningful; the others are default.
/// </summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5; byte 0 = message type (high nibble) | protocol version (low nibble). A value type with
/// inline buffers, so decoding allocates nothing. Thread-safety: a value; copies are independent.
/// </remarks>
public struct RemoteIdMessage
{
    /// <summary>The size of every single message on the air.</summary>
    public const int Size = 25;

    /// <summary>The highest protocol version the decoder knows (2 = F3411-22a).</summary>
    public const byte LatestProtocolVersion = 2;

    /// <summary>The message type.</summary>
    public RemoteIdMessageType MessageType { get; init; }

    /// <summary>Protocol version nibble: 0 F3411-19, 1 ASD-STAN EN 4709-002 / F3411-20, 2 F3411-22a.</summary>
    public byte ProtocolVersion { get; init; }

    /// <summary>What the bytes say that the standard does not allow (values are still decoded).</summary>
    public RemoteIdAnomalies Anomalies { get; init; }

    /// <summary>The body when <see cref="MessageType"/> is <see cref="RemoteIdMessageType.BasicId"/>.</summary>
    public BasicIdMessage BasicId { get; init; }

    /// <summary>The body when <see cref="MessageType"/> is <see cref="RemoteIdMessageType.Location"/>.</summary>
    public LocationMessage Location { get; init; }

    /// <summary>The body when <see cref="MessageType"/> is <see cref="RemoteIdMessageType.Authentication"/>.</summary>
    public AuthenticationMessage Authentication { get; init; }

    /// <summary>The body when <see cref="MessageType"/> is <see cref="RemoteIdMessageType.SelfId"/>.</summary>
    public SelfIdMessage SelfId { get; init; }

    /// <summary>The body when <see cref="MessageType"/> is <see cref="RemoteIdMessageType.System"/>.</summary>
    public SystemMessage System { get; init; }

    /// <summary>The body when <see cref="MessageType"/> is <see cref="RemoteIdMessageType.OperatorId"/>.</summary>
    public OperatorIdMessage OperatorId { get; init; }

    /// <summary>Wraps a Basic ID body (for the encoder).</summary>
    public static RemoteIdMessage FromBasicId(in BasicIdMessage body, byte protocolVersion = LatestProtocolVersion) =>
        new() { MessageType = RemoteIdMessageType.BasicId, ProtocolVersion = protocolVersion, BasicId = body };

    /// <summary>Wraps a Location body (for the encoder).</summary>
    public static RemoteIdMessage FromLocation(in LocationMessage body, byte protocolVersion = LatestProtocolVersion) =>
        new() { MessageType = RemoteIdMessageType.Location, ProtocolVersion = protocolVersion, Location = body };

    /// <summary>Wraps an Authentication page (for the encoder).</summary>
    public static RemoteIdMessage FromAuthentication(in AuthenticationMessage body, byte protocolVersion = LatestProtocolVersion) =>
        new() { MessageType = RemoteIdMessageType.Authentication, ProtocolVersion = protocolVersion, Authentication = body };

    /// <summary>Wraps a Self-ID body (for the encoder).</summary>
    public static RemoteIdMessage FromSelfId(in SelfIdMessage body, byte protocolVersion = LatestProtocolVersion) =>
        new() { MessageType = RemoteIdMessageType.SelfId, ProtocolVersion = protocolVersion, SelfId = body };

    /// <summary>Wraps a System body (for the encoder).</summary>
    public static RemoteIdMessage FromSystem(in SystemMessage body, byte protocolVersion = LatestProtocolVersion) =>
        new() { MessageType = RemoteIdMessageType.System, ProtocolVersion = protocolVersion, System = body };

    /// <summary>Wraps an Operator ID body (for the encoder).</summary>
    public static RemoteIdMessage FromOperatorId(in OperatorIdMessage body, byte protocolVersion = LatestProtocolVersion) =>
        new() { MessageType = RemoteIdMessageType.OperatorId, ProtocolVersion = protocolVersion, OperatorId = body };
}
