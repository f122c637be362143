using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Sensors.Net;

namespace Vigia.Sensors.Adsb;

/// <summary>
/// The ADS-B sensor adapter: a TCP client to a dump1090-style receiver (Beast on port 30005 or AVR on 30002)
/// that writes an <see cref="Observation"/> for every resolved aircraft position, and reconnects with
/// exponential backoff when the connection fails or drops.
/// </summary>
/// <remarks>
/// Reads through a <see cref="PipeReader"/> over the socket; <see cref="AdsbStreamDecoder"/> frames and decodes.
/// A new connection starts a new stream (a frame cut by the drop is discarded); the aircraft table is kept across
/// reconnects. Loss of sync follows house style §4.6: the framer resynchronises by the format's rule and
/// <see cref="State"/> reads Degraded for <see cref="AdsbReceiverOptions.DegradedAfterResync"/>.
/// Observations are written with <c>WriteAsync</c>, so a full bounded channel slows reading (its full mode, set
/// by the pipeline, decides whether anything is dropped). Thread-safety: <see cref="RunAsync"/> runs once at a
/// time; counters and <see cref="State"/> may be read from other threads (values may be stale).
/// A receiver that goes silent for <see cref="AdsbReceiverOptions.IdleTimeout"/> (dump1090 sends heartbeats, so
/// silence means it is gone) is disconnected and reconnected, counted in <see cref="IdleTimeouts"/>; TCP keepalive
/// is on as well.
/// </remarks>
public sealed class AdsbTcpClient
{
    private const int ReadBufferBytes = 16 * 1024;

    private readonly AdsbReceiverOptions _options;
    private readonly TimeProvider _time;
    private volatile bool _connected;

    /// <summary>Creates a client; nothing connects before <see cref="RunAsync"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public AdsbTcpClient(SensorId sensor, AdsbReceiverOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        Decoder = new AdsbStreamDecoder(sensor, options.Format, options.Aircraft, options.AircraftTimeout);
    }

    /// <summary>Framing, decoding and aircraft state with their counters.</summary>
    public AdsbStreamDecoder Decoder { get; }

    /// <summary>Successful connections.</summary>
    public long Connects { get; private set; }

    /// <summary>Connection attempts that failed or timed out.</summary>
    public long ConnectFailures { get; private set; }

    /// <summary>Connections that ended (closed by the receiver or broken).</summary>
    public long Disconnects { get; private set; }

    /// <summary>Connections closed because the receiver sent nothing for <see cref="AdsbReceiverOptions.IdleTimeout"/> (also counted in <see cref="Disconnects"/>).</summary>
    public long IdleTimeouts { get; private set; }

    /// <summary>Up, Degraded (recent loss of sync) or Down (not connected).</summary>
    public AdsbConnectionState State
    {
        get
        {
            if (!_connected)
            {
                return AdsbConnectionState.Down;
            }

            return Decoder.LastResync is { } resync && Now().SecondsSince(resync) <= _options.DegradedAfterResync.TotalSeconds
                ? AdsbConnectionState.Degraded
                : AdsbConnectionState.Up;
        }
    }

    /// <summary>
    /// Connects, reads and reconnects until <paramref name="cancellationToken"/> is cancelled or
    /// <paramref name="output"/> is completed by its owner; then returns.
    /// </summary>
    public async Task RunAsync(ChannelWriter<Observation> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var delay = _options.ReconnectInitialDelay;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var framesBefore = Decoder.Counters.Frames;
                using (var socket = await TryConnectAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (socket is not null)
                    {
                        await ReadUntilClosedAsync(socket, output, cancellationToken).ConfigureAwait(false);
                    }
                }

                // Back off from the first wait again only after a connection that delivered frames.
                delay = Decoder.Counters.Frames > framesBefore ? _options.ReconnectInitialDelay : delay;
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not an error.
        }
        catch (ChannelClosedException)
        {
            // The pipeline closed its input: nobody reads what this client would produce.
        }
    }

    private async Task<Socket?> TryConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        TcpKeepAlive.Enable(socket);
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, linked.Token).ConfigureAwait(false);
            Connects++;
            return socket;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            ConnectFailures++;
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task ReadUntilClosedAsync(Socket socket, ChannelWriter<Observation> output, CancellationToken cancellationToken)
    {
        var stream = new NetworkStream(socket, ownsSocket: false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadBufferBytes, leaveOpen: true));
            var batch = new List<Observation>();
            using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            _connected = true;
            try
            {
                while (true)
                {
                    // Only the wait for bytes is timed, not a wait on a full output channel.
                    idle.CancelAfter(_options.IdleTimeout);
                    var result = await reader.ReadAsync(reading.Token).ConfigureAwait(false);
                    idle.CancelAfter(Timeout.InfiniteTimeSpan);
                    var consumed = Decoder.Process(result.Buffer, Now(), batch);
                    reader.AdvanceTo(consumed, result.Buffer.End);
                    foreach (var observation in batch)
                    {
                        await output.WriteAsync(observation, cancellationToken).ConfigureAwait(false);
                    }

                    batch.Clear();
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
            }
            catch (IOException)
            {
                // The connection broke: reconnect.
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Nothing heard for the idle timeout: the receiver is gone even if TCP has not said so; reconnect.
                IdleTimeouts++;
            }
            finally
            {
                _connected = false;
                Disconnects++;
                await reader.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    private Timestamp Now() => Timestamp.FromDateTimeOffset(_time.GetUtcNow());
}
