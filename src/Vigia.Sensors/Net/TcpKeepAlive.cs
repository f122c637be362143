using System.Net.Sockets;

namespace Vigia.Sensors.Net;

/// <summary>
/// TCP keepalive for the sensor links the server only reads (ADS-B) or only answers (SAPIENT): without it a peer
/// that lost power or its link leaves a half-open connection that reads as connected forever. The kernel probes
/// after <see cref="Idle"/> without traffic, every <see cref="Interval"/>, and drops the connection after
/// <see cref="Probes"/> unanswered probes (about a minute in all). The adapters' own idle timeouts are the
/// first line; this catches a peer that stops answering at the TCP level.
/// </summary>
internal static class TcpKeepAlive
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public const int Probes = 3;

    /// <summary>Turns keepalive on; a platform that refuses the timing options keeps its own defaults.</summary>
    public static void Enable(Socket socket)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)Idle.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, (int)Interval.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, Probes);
        }
        catch (Exception e) when (e is SocketException or PlatformNotSupportedException)
        {
            // Keepalive stays on with the system's timing.
        }
    }
}
