namespace Vigia.Server.Outputs.Tak;

/// <summary>TAK output totals since start (<see cref="TakMetrics.Snapshot"/>).</summary>
/// <param name="UdpSent">Datagrams sent.</param>
/// <param name="UdpFailed">Datagrams the socket refused (network unreachable, too large…).</param>
/// <param name="TcpQueued">Events queued for the TAK server.</param>
/// <param name="TcpSent">Events written to the TAK server.</param>
/// <param name="TcpDropped">Events dropped because the queue was full (the oldest go first).</param>
/// <param name="TcpLost">Events being written when the connection failed.</param>
/// <param name="TcpConnects">Connections made.</param>
/// <param name="TcpConnectFailures">Connection attempts that failed.</param>
/// <param name="TcpDisconnects">Connections that ended (by the server or an error).</param>
/// <param name="TcpQueueDepth">Events waiting now.</param>
public sealed record TakCounters(
    long UdpSent,
    long UdpFailed,
    long TcpQueued,
    long TcpSent,
    long TcpDropped,
    long TcpLost,
    long TcpConnects,
    long TcpConnectFailures,
    long TcpDisconnects,
    long TcpQueueDepth);
