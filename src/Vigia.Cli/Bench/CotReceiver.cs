using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Vigia.Alerting.Cot;

namespace Vigia.Cli.Bench;

/// <summary>
/// The bench's TAK listener: a UDP socket on 127.0.0.1 that the server's TAK UDP output is pointed at (unicast
/// loopback). Track events (500 a second at the bench's load) are counted and dropped; every alert event
/// (<c>&lt;__vigia alert_id version&gt;</c>) is recorded with its <c>time</c> at its arrival.
/// </summary>
internal sealed class CotReceiver : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly AlertArrivals _arrivals;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _datagrams;
    private long _alerts;

    /// <summary>Binds a free loopback port and starts receiving.</summary>
    public CotReceiver(AlertArrivals arrivals)
    {
        _arrivals = arrivals;
        _socket.ReceiveBufferSize = 8 * 1024 * 1024;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>The port the server sends to.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Datagrams received (tracks and alerts).</summary>
    public long Datagrams => Interlocked.Read(ref _datagrams);

    /// <summary>Alert events received.</summary>
    public long Alerts => Interlocked.Read(ref _alerts);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65_536];
        var marker = Encoding.UTF8.GetBytes("<" + CotEventBuilder.VigiaDetail + " alert_id=");
        while (!cancellationToken.IsCancellationRequested)
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            var arrived = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _datagrams);
            if (buffer.AsSpan(0, n).IndexOf(marker) < 0)
            {
                continue;
            }

            try
            {
                var e = XDocument.Parse(Encoding.UTF8.GetString(buffer, 0, n)).Root;
                var vigia = e?.Element("detail")?.Element(CotEventBuilder.VigiaDetail);
                if (vigia?.Attribute("alert_id") is { } id && vigia.Attribute("version") is { } version && e?.Attribute("time") is { } time)
                {
                    Interlocked.Increment(ref _alerts);
                    var at = DateTimeOffset.Parse(time.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    _arrivals.Record(AlertOutputKind.Cot, id.Value, int.Parse(version.Value, CultureInfo.InvariantCulture), at, arrived);
                }
            }
            catch (Exception ex) when (ex is XmlException or FormatException or OverflowException)
            {
                // Not an event this bench understands: counted as a datagram only.
            }
        }
    }
}
