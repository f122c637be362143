using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Sends one CoT event per UDP datagram to <see cref="TakUdpOptions.Address"/>:<see cref="TakUdpOptions.Port"/>
/// — by default ATAK's SA multicast group 239.2.3.1:6969 — leaving by <see cref="TakUdpOptions.Interface"/>
/// with <see cref="TakUdpOptions.Ttl"/> hops. Sending is synchronous and never blocks on the network; a refused
/// datagram is counted (and logged at most once a minute), never thrown.
/// </summary>
/// <remarks>Thread-safety: thread-safe (one datagram per call on a connectionless socket).</remarks>
public sealed partial class CotUdpSender : IDisposable
{
    private readonly Socket? _socket;
    private readonly TakMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private long _lastWarning = long.MinValue;

    /// <summary>Opens the socket when UDP is enabled.</summary>
    public CotUdpSender(IOptions<TakOptions> options, TakMetrics metrics, TimeProvider clock, ILogger<CotUdpSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        var udp = options.Value.Udp;
        Destination = new IPEndPoint(IPAddress.Parse(udp.Address), udp.Port);
        if (udp.Enabled)
        {
            _socket = Open(udp, Destination);
        }
    }

    /// <summary>Whether datagrams are sent.</summary>
    public bool Enabled => _socket is not null;

    /// <summary>Where datagrams go.</summary>
    public IPEndPoint Destination { get; }

    /// <summary>Sends one datagram (one CoT event from <see cref="CotFrame.Encode"/>); false if it was refused or UDP is off.</summary>
    public bool Send(ReadOnlySpan<byte> datagram)
    {
        if (_socket is null)
        {
            return false;
        }

        try
        {
            _socket.SendTo(datagram, SocketFlags.None, Destination);
            _metrics.UdpSent();
            return true;
        }
        catch (SocketException ex)
        {
            _metrics.UdpFailed();
            var now = _clock.GetTimestamp();
            var last = Interlocked.Read(ref _lastWarning);
            if (last == long.MinValue || _clock.GetElapsedTime(last, now) >= TimeSpan.FromMinutes(1))
            {
                Interlocked.Exchange(ref _lastWarning, now);
                LogSendFailed(_logger, Destination.ToString(), ex.SocketErrorCode.ToString(), _metrics.Snapshot().UdpFailed);
            }

            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket?.Dispose();

    private static Socket Open(TakUdpOptions udp, IPEndPoint destination)
    {
        var family = destination.AddressFamily;
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            var v6 = family == AddressFamily.InterNetworkV6;
            var level = v6 ? SocketOptionLevel.IPv6 : SocketOptionLevel.IP;
            if (IsMulticast(destination.Address))
            {
                // TTL 0 keeps multicast on this machine; loopback delivery lets local listeners (and tests) hear it.
                socket.SetSocketOption(level, SocketOptionName.MulticastTimeToLive, udp.Ttl);
                socket.SetSocketOption(level, SocketOptionName.MulticastLoopback, true);
                if (!string.IsNullOrWhiteSpace(udp.Interface)
                    && TakInterfaces.TryResolve(udp.Interface, out var nic, out _)
                    && TakInterfaces.Index(nic!, family) is { } index)
                {
                    // IPv4 takes the index in network byte order in IP_MULTICAST_IF (an address in 0.0.0.x form).
                    socket.SetSocketOption(level, SocketOptionName.MulticastInterface, v6 ? index : IPAddress.HostToNetworkOrder(index));
                }
            }
            else if (udp.Ttl > 0)
            {
                socket.Ttl = (short)udp.Ttl;
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? address.IsIPv6Multicast : (address.GetAddressBytes()[0] & 0xF0) == 0xE0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "TAK UDP: datagram to {Destination} refused ({Error}); {Failed} refused so far")]
    private static partial void LogSendFailed(ILogger logger, string destination, string error, long failed);
}
