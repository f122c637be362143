using System.Diagnostics.CodeAnalysis;

namespace Vigia.Protocols.RemoteId;

/// <summary>A decoded Message Pack (type 0xF): the header and up to nine messages, held inline (no allocation).</summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5.10: byte 0 type | version, byte 1 single message size (25), byte 2 message count
/// (1..9), then count × 25 bytes. Messages that failed to decode are dropped as the reference does
/// (<see cref="DroppedCount"/>, <see cref="RemoteIdAnomalies.PackMessageDropped"/>).
/// </remarks>
public struct RemoteIdMessagePack
{
    /// <summary>Pack header size in bytes.</summary>
    public const int HeaderSize = 3;

    /// <summary>The largest pack: 3 + 9 × 25 bytes.</summary>
    public const int MaxSize = HeaderSize + (RemoteIdPackMessages.Capacity * RemoteIdMessage.Size);

    private RemoteIdPackMessages _messages;

    /// <summary>Protocol version nibble of the pack header.</summary>
    public byte ProtocolVersion { get; set; }

    /// <summary>The message count the header declares.</summary>
    public int DeclaredCount { get; set; }

    /// <summary>The number of decoded messages in <see cref="Messages"/>.</summary>
    public int Count { get; set; }

    /// <summary>The number of messages that failed to decode and were dropped.</summary>
    public int DroppedCount { get; set; }

    /// <summary>Anomalies of the pack itself (header version, trailing data, dropped messages); each message has its own.</summary>
    public RemoteIdAnomalies Anomalies { get; set; }

    /// <summary>The decoded messages, in pack order.</summary>
    [UnscopedRef]
    public Span<RemoteIdMessage> Messages => ((Span<RemoteIdMessage>)_messages)[..Count];

    /// <summary>All nine slots (the decoder fills the first <see cref="Count"/>).</summary>
    [UnscopedRef]
    internal Span<RemoteIdMessage> Slots => _messages;
}
