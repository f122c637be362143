using System.Diagnostics.Metrics;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// TAK output instruments (meter <c>Vigia.Tak</c>): events by transport and outcome, TCP connections by outcome,
/// TCP queue depth; the same totals in process (<see cref="Snapshot"/>).
/// </summary>
/// <remarks>Thread-safety: thread-safe.</remarks>
public sealed class TakMetrics
{
    /// <summary>Meter name (add it to the OpenTelemetry meters to export it at <c>/metrics</c>).</summary>
    public const string MeterName = "Vigia.Tak";

    private readonly Counter<long> _events;
    private readonly Counter<long> _connections;
    private long _udpSent;
    private long _udpFailed;
    private long _tcpQueued;
    private long _tcpSent;
    private long _tcpDropped;
    private long _tcpLost;
    private long _tcpConnects;
    private long _tcpConnectFailures;
    private long _tcpDisconnects;

    /// <summary>Creates the instruments.</summary>
    public TakMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("vigia.tak.events", "{event}", "CoT events by transport (udp, tcp) and outcome (sent, failed, dropped, lost)");
        _connections = meter.CreateCounter<long>("vigia.tak.connections", "{connection}", "TAK server connections by outcome (connected, failed, ended)");
        meter.CreateObservableGauge("vigia.tak.queue.depth", () => Volatile.Read(ref _tcpQueued) - Volatile.Read(ref _tcpSent) - Volatile.Read(ref _tcpDropped) - Volatile.Read(ref _tcpLost), "{event}", "CoT events waiting for the TAK server");
    }

    /// <summary>The totals since start.</summary>
    public TakCounters Snapshot()
    {
        var (queued, sent, dropped, lost) = (Interlocked.Read(ref _tcpQueued), Interlocked.Read(ref _tcpSent), Interlocked.Read(ref _tcpDropped), Interlocked.Read(ref _tcpLost));
        return new TakCounters(
            Interlocked.Read(ref _udpSent),
            Interlocked.Read(ref _udpFailed),
            queued,
            sent,
            dropped,
            lost,
            Interlocked.Read(ref _tcpConnects),
            Interlocked.Read(ref _tcpConnectFailures),
            Interlocked.Read(ref _tcpDisconnects),
            queued - sent - dropped - lost);
    }

    internal void UdpSent() => Count(ref _udpSent, _events, "udp", "sent");

    internal void UdpFailed() => Count(ref _udpFailed, _events, "udp", "failed");

    internal void TcpQueued() => Interlocked.Increment(ref _tcpQueued);

    internal void TcpSent() => Count(ref _tcpSent, _events, "tcp", "sent");

    internal void TcpDropped() => Count(ref _tcpDropped, _events, "tcp", "dropped");

    internal void TcpLost() => Count(ref _tcpLost, _events, "tcp", "lost");

    internal void TcpConnected() => Count(ref _tcpConnects, _connections, null, "connected");

    internal void TcpConnectFailed() => Count(ref _tcpConnectFailures, _connections, null, "failed");

    internal void TcpDisconnected() => Count(ref _tcpDisconnects, _connections, null, "ended");

    private static void Count(ref long total, Counter<long> counter, string? transport, string outcome)
    {
        Interlocked.Increment(ref total);
        if (transport is null)
        {
            counter.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
        else
        {
            counter.Add(1, new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
