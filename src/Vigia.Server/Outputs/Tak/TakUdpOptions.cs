namespace Vigia.Server.Outputs.Tak;

/// <summary>UDP CoT output, section <c>Vigia:Tak:Udp</c>: one event per datagram.</summary>
public sealed class TakUdpOptions
{
    /// <summary>The ATAK default SA multicast group.</summary>
    public const string DefaultAddress = "239.2.3.1";

    /// <summary>The ATAK default SA port.</summary>
    public const int DefaultPort = 6969;

    /// <summary>Whether to send.</summary>
    public bool Enabled { get; set; }

    /// <summary>Destination IPv4 or IPv6 address: a multicast group (default <c>239.2.3.1</c>) or one device.</summary>
    public string Address { get; set; } = DefaultAddress;

    /// <summary>Destination port (default 6969).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// The network interface multicast leaves by: its name (<c>eth0</c>, <c>wlan0</c>, <c>lo</c>) or one of its
    /// addresses; empty for the system's default route.
    /// </summary>
    public string? Interface { get; set; }

    /// <summary>
    /// Multicast time to live / hop limit (and unicast TTL), 0–255. 1 (default) keeps multicast on the local
    /// network; 0 keeps it on this machine.
    /// </summary>
    public int Ttl { get; set; } = 1;
}
