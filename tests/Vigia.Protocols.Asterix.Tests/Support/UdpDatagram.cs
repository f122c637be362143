namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>One UDP payload from a capture, with the addresses it travelled between.</summary>
public sealed record UdpDatagram(DateTime Timestamp, string Source, string Destination, int DestinationPort, byte[] Payload);
