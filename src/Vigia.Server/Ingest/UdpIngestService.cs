using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// The UDP listener for cheap field receivers (<c>Vigia:UdpPort</c>, bound to <c>Vigia:UdpBindAddress</c>,
/// loopback by default): each datagram holds one or more lines, each line one <c>vigia-observation/1</c>
/// object with an extra <c>"token"</c> field (the sensor's bearer token). UDP has no answer, so each line
/// stands alone: good lines are journalled (persist first, then tracked), bad lines are counted and logged
/// with their line number and reason, and never affect the others or the listener.
/// </summary>
/// <remarks>
/// <para>
/// Receiving never waits for the journal: datagrams go into a queue of <see cref="QueueCapacity"/> (beyond it
/// they are dropped and counted in <see cref="DatagramsDropped"/>), and the lines of all datagrams that arrived
/// while the previous commit was under way are journalled together in one group commit. A full journal queue
/// is waited out (the datagram queue fills meanwhile), never the end of the listener.
/// </para>
/// <para>
/// Tokens are checked against the journal and remembered for 5 s, so a revocation takes effect on UDP
/// within 5 s (at once over HTTP).
/// </para>
/// </remarks>
public sealed partial class UdpIngestService(
    IOptions<VigiaServerOptions> options,
    IJournal journal,
    ObservationParser parser,
    IngestService ingest,
    SensorHealthBook health,
    ServerMetrics metrics,
    TimeProvider clock,
    ILogger<UdpIngestService> logger) : BackgroundService
{
    /// <summary>Datagrams waiting to be parsed and journalled; beyond it they are dropped (and counted).</summary>
    public const int QueueCapacity = 16_384;

    /// <summary>The socket receive buffer asked for (the kernel may grant less, e.g. Linux caps it at <c>net.core.rmem_max</c>).</summary>
    public const int ReceiveBufferBytes = 4 * 1024 * 1024;

    /// <summary>Lines journalled per group commit at most (a datagram's lines are never split).</summary>
    public const int MaxBatch = 2_000;

    private static readonly TimeSpan TokenCacheTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstOverloadWait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxOverloadWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DropReportEvery = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, (string? Sensor, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private long _accepted;
    private long _refused;
    private long _dropped;
    private long _overloadWaits;

    /// <summary>The port actually bound (useful when configured as an ephemeral port in tests), or 0 before start.</summary>
    public int BoundPort { get; private set; }

    /// <summary>Lines journalled.</summary>
    public long LinesAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Lines refused (malformed, bad token, bad fields, or lost to a journal error).</summary>
    public long LinesRefused => Interlocked.Read(ref _refused);

    /// <summary>Datagrams dropped because the queue was full (the journal could not keep up).</summary>
    public long DatagramsDropped => Interlocked.Read(ref _dropped);

    /// <summary>Waits for a full journal queue so far.</summary>
    public long OverloadWaits => Interlocked.Read(ref _overloadWaits);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.UdpPort == 0)
        {
            return;
        }

        using var socket = new UdpClient(new IPEndPoint(IPAddress.Parse(o.UdpBindAddress), o.UdpPort));
        try
        {
            socket.Client.ReceiveBufferSize = ReceiveBufferBytes;
        }
        catch (SocketException ex)
        {
            LogSocketError(logger, ex);
        }

        BoundPort = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
        LogListening(logger, o.UdpBindAddress, BoundPort, socket.Client.ReceiveBufferSize);
        var queue = Channel.CreateBounded<Datagram>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true });
        var journalling = Task.Run(() => JournalAsync(queue.Reader, stoppingToken), CancellationToken.None);
        var lastDropReport = long.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                UdpReceiveResult datagram;
                try
                {
                    datagram = await socket.ReceiveAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    LogSocketError(logger, ex);
                    continue;
                }

                if (!queue.Writer.TryWrite(new Datagram(datagram.Buffer, datagram.RemoteEndPoint, Stopwatch.GetTimestamp())))
                {
                    var dropped = Interlocked.Increment(ref _dropped);
                    if (lastDropReport == long.MinValue || Stopwatch.GetElapsedTime(lastDropReport) >= DropReportEvery)
                    {
                        lastDropReport = Stopwatch.GetTimestamp();
                        LogDropped(logger, dropped, QueueCapacity);
                    }
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            await journalling.ConfigureAwait(false);
        }
    }

    /// <summary>Parses queued datagrams and journals their good lines, a batch per commit.</summary>
    private async Task JournalAsync(ChannelReader<Datagram> reader, CancellationToken cancellationToken)
    {
        var batch = new List<JournalObservation>();
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long firstReceived = 0;
                while (batch.Count < MaxBatch && reader.TryRead(out var datagram))
                {
                    if (batch.Count == 0)
                    {
                        firstReceived = datagram.Received;
                    }

                    await HandleAsync(datagram.Bytes, datagram.From, batch, cancellationToken).ConfigureAwait(false);
                }

                if (batch.Count > 0)
                {
                    await SubmitAsync(batch, firstReceived, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is lost, as a datagram in flight would be.
        }
    }

    /// <summary>Handles one datagram's lines: good ones are added to <paramref name="accepted"/>, bad ones counted and logged.</summary>
    internal async Task HandleAsync(ReadOnlyMemory<byte> datagram, IPEndPoint from, List<JournalObservation> accepted, CancellationToken cancellationToken)
    {
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var lineNumber = 0;
        var rest = datagram;
        while (rest.Length > 0)
        {
            lineNumber++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.Trim(" \r\t"u8).Length == 0)
            {
                continue;
            }

            string? reason;
            try
            {
                reason = await ParseLineAsync(line, now, accepted, cancellationToken).ConfigureAwait(false);
            }
            catch (JournalException ex)
            {
                reason = $"token: could not be checked: {ex.Message}";
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // Whatever a line holds, it costs that line only (e.g. a lone surrogate escape that cannot be read as text).
                reason = $"could not be read: {ex.Message}";
            }

            if (reason is not null)
            {
                Refused(from, lineNumber, reason);
            }
        }
    }

    private void Refused(IPEndPoint from, int lineNumber, string reason)
    {
        Interlocked.Increment(ref _refused);
        metrics.Observations.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
        LogRefusedLine(logger, from, lineNumber, reason);
    }

    private async Task SubmitAsync(List<JournalObservation> batch, long received, CancellationToken cancellationToken)
    {
        var items = batch.ToArray();
        try
        {
            // Back-pressure, not loss: the datagram queue holds what arrives meanwhile.
            await JournalBackPressure.SubmitAsync(() => ingest.SubmitAsync(items, received), FirstOverloadWait, MaxOverloadWait, _ => Interlocked.Increment(ref _overloadWaits), cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _accepted, items.Length);
        }
        catch (JournalException ex)
        {
            Interlocked.Add(ref _refused, items.Length);
            LogJournalError(logger, items.Length, ex);
        }
    }

    private async Task<string?> ParseLineAsync(ReadOnlyMemory<byte> line, Timestamp now, List<JournalObservation> accepted, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return $"malformed JSON at byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("token", out var tokenElement) || tokenElement.ValueKind != JsonValueKind.String)
            {
                return "token: required (the sensor's bearer token)";
            }

            var sensor = await SensorForAsync(tokenElement.GetString()!, cancellationToken).ConfigureAwait(false);
            if (sensor is null)
            {
                return "token: unknown or revoked sensor token";
            }

            var errors = new List<FieldError>();
            if (parser.Parse(root, 0, sensor, now, errors) is { } observation)
            {
                accepted.Add(observation);
                return null;
            }

            health.Refused(sensor, 1, now);
            return string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}"));
        }
    }

    private async Task<string?> SensorForAsync(string token, CancellationToken cancellationToken)
    {
        var wall = clock.GetUtcNow();
        if (_tokens.TryGetValue(token, out var cached) && cached.Until > wall)
        {
            return cached.Sensor;
        }

        string? sensor = null;
        if (token.StartsWith(Secrets.SensorPrefix, StringComparison.Ordinal))
        {
            sensor = (await journal.FindSensorByTokenHashAsync(Secrets.Hash(token), cancellationToken).ConfigureAwait(false))?.Id;
        }

        if (_tokens.Count > 10_000)
        {
            _tokens.Clear();
        }

        _tokens[token] = (sensor, wall + TokenCacheTime);
        return sensor;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "UDP JSON-lines ingest listening on {Address}:{Port} (receive buffer {Bytes} bytes)")]
    private static partial void LogListening(ILogger logger, string address, int port, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP datagram queue full ({Capacity}): {Dropped} datagrams dropped so far (the journal is not keeping up)")]
    private static partial void LogDropped(ILogger logger, long dropped, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP line {Line} from {From} refused: {Reason}")]
    private static partial void LogRefusedLine(ILogger logger, IPEndPoint from, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP receive failed")]
    private static partial void LogSocketError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "UDP: {Lines} lines could not be journalled")]
    private static partial void LogJournalError(ILogger logger, int lines, Exception exception);

    private readonly record struct Datagram(byte[] Bytes, IPEndPoint From, long Received);
}
