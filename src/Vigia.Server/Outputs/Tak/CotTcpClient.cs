using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Streams CoT events to a TAK Server's TCP input (<see cref="TakTcpOptions.Host"/>:<see cref="TakTcpOptions.Port"/>,
/// 8087 by default), plain or, with <see cref="TakTcpOptions.Tls"/>, TLS with a client certificate (TAK Server's
/// 8089); a failed handshake (an untrusted server, a refused client certificate) counts as a failed attempt.
/// Events wait in a bounded queue (<see cref="TakTcpOptions.QueueCapacity"/>); when it is full the oldest is
/// dropped and counted, so a long outage leaves the newest picture to send. The connection is kept open; anything the server sends is read and discarded (so its window never closes), and its end is
/// noticed at once. After a failed attempt the client waits <see cref="TakTcpOptions.ReconnectMinSeconds"/>,
/// doubling per consecutive failure up to <see cref="TakTcpOptions.ReconnectMaxSeconds"/>; after a connection
/// ends it waits the minimum.
/// </summary>
/// <remarks>Thread-safety: <see cref="Enqueue"/> is thread-safe; one background loop owns the connection.</remarks>
public sealed partial class CotTcpClient : BackgroundService
{
    private readonly TakTcpOptions _options;
    private readonly TakMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _queue;
    private readonly SslClientAuthenticationOptions? _tls;
    private volatile bool _connected;

    /// <summary>Creates the client (it connects once the host starts it, if TCP is enabled).</summary>
    public CotTcpClient(IOptions<TakOptions> options, TakMetrics metrics, TimeProvider clock, ILogger<CotTcpClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Tcp;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(_options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => metrics.TcpDropped());
        _tls = _options.Enabled && _options.Tls.Enabled ? TakTls.ClientOptions(_options.Tls, _options.Host) : null;
    }

    /// <summary>Whether TCP streaming is configured.</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>Whether a connection to the TAK server is open now.</summary>
    public bool IsConnected => _connected;

    /// <summary>Queues one encoded event (<see cref="CotFrame.Encode"/>); false when TCP is off.</summary>
    public bool Enqueue(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!Enabled)
        {
            return false;
        }

        _metrics.TcpQueued();
        _queue.Writer.TryWrite(frame);
        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            if (await TryConnectAsync(socket, stoppingToken).ConfigureAwait(false) is { } stream)
            {
                await using (stream.ConfigureAwait(false))
                {
                    failures = 0;
                    _connected = true;
                    _metrics.TcpConnected();
                    LogConnected(_logger, _options.Host, _options.Port, _tls is null ? "plain" : TakTls.Describe(_options.Tls));
                    var reason = await PumpAsync(stream, stoppingToken).ConfigureAwait(false);
                    _connected = false;
                    _metrics.TcpDisconnected();
                    if (stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }

                    LogDisconnected(_logger, _options.Host, _options.Port, reason);
                }
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            else
            {
                failures++;
                _metrics.TcpConnectFailed();
            }

            try
            {
                await Task.Delay(Backoff(failures), _clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>The wait before the next attempt after <paramref name="failures"/> consecutive failed attempts.</summary>
    internal TimeSpan Backoff(int failures)
    {
        var seconds = _options.ReconnectMinSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.ReconnectMaxSeconds));
    }

    /// <summary>Connects (and shakes hands, with TLS) within the connect timeout; the stream, or null after a failure (logged).</summary>
    private async Task<Stream?> TryConnectAsync(Socket socket, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: false);
            if (_tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(_tls, timeout.Token).ConfigureAwait(false);
            }

            return stream;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or AuthenticationException or IOException)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                var why = ex switch
                {
                    OperationCanceledException => "timed out",
                    AuthenticationException => "TLS handshake failed: " + (ex.InnerException?.Message ?? ex.Message),
                    _ => ex.Message,
                };
                LogConnectFailed(_logger, _options.Host, _options.Port, why);
            }

            return null;
        }
    }

    /// <summary>Writes queued events until the connection ends; returns why it ended.</summary>
    private async Task<string> PumpAsync(Stream stream, CancellationToken stoppingToken)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var reader = DiscardIncomingAsync(stream, connection);
        byte[]? current = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(connection.Token).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out current))
                {
                    await stream.WriteAsync(current, connection.Token).ConfigureAwait(false);
                    _metrics.TcpSent();
                    current = null;
                }
            }

            return "queue closed";
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            if (current is not null)
            {
                _metrics.TcpLost();
            }

            return connection.IsCancellationRequested && !stoppingToken.IsCancellationRequested ? await reader.ConfigureAwait(false) : ex.Message;
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(false);
        }
    }

    /// <summary>Reads and drops what the server sends (other clients' events); cancels the connection when it ends.</summary>
    private static async Task<string> DiscardIncomingAsync(Stream stream, CancellationTokenSource connection)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (await stream.ReadAsync(buffer, connection.Token).ConfigureAwait(false) > 0)
            {
            }

            return "closed by the server";
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return ex is OperationCanceledException ? "stopped" : ex.Message;
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TAK TCP: connected to {Host}:{Port} ({Security})")]
    private static partial void LogConnected(ILogger logger, string host, int port, string security);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TAK TCP: connection to {Host}:{Port} ended ({Reason}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TAK TCP: cannot connect to {Host}:{Port}: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, string reason);
}
