using System.Net;
using System.Net.Sockets;

namespace Vigia.Sensors.Radar;

/// <summary>Where to receive ASTERIX over UDP: a local endpoint and, for multicast, the group and the interface to join it on.</summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record UdpAsterixReceiverOptions
{
    /// <summary>The local address and port to bind (the group's port for multicast). Default any IPv4 address, port 0 (a free port).</summary>
    public IPEndPoint ListenEndPoint { get; init; } = new(IPAddress.Any, 0);

    /// <summary>An IPv4 multicast group to join (for example 232.1.1.11), or null for unicast. Default null.</summary>
    public IPAddress? MulticastGroup { get; init; }

    /// <summary>The local address of the interface to join the group on (127.0.0.1 for <c>lo</c>), or null for the system's choice. Default null.</summary>
    public IPAddress? MulticastInterface { get; init; }

    /// <summary>The socket receive buffer, bytes: radars send in bursts at each sector crossing. Default 1 MiB.</summary>
    public int ReceiveBufferBytes { get; init; } = 1 << 20;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ListenEndPoint);
        if (ListenEndPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("ASTERIX over UDP is received on IPv4", nameof(ListenEndPoint));
        }

        if (MulticastGroup is { } group && (group.AddressFamily != AddressFamily.InterNetwork || (group.GetAddressBytes()[0] & 0xF0) != 0xE0))
        {
            throw new ArgumentException("MulticastGroup must be an IPv4 multicast address (224.0.0.0/4)", nameof(MulticastGroup));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveBufferBytes, 4096);
    }
}
