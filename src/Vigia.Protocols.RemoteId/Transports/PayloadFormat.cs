namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>What the payload bytes hold, read from the message type nibble of its first byte (F3411-22a Table 2).</summary>
public enum PayloadFormat
{
    /// <summary>One 25-byte message (message types 0x0–0x5).</summary>
    SingleMessage = 0,

    /// <summary>A message pack (message type 0xF): header, then N messages.</summary>
    MessagePack = 1,
}
