namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>A record the decoder delivered: its category, offset in the datagram and a copy of its octets.</summary>
public sealed record DecodedRecord(byte Category, int Offset, byte[] Bytes);
