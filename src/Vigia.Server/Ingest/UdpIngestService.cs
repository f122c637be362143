using System.Net;
using System.Net.Sockets;
using System.Text.Json;
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
/// with their line number and reason, and never affect the others.
/// </summary>
/// <remarks>
/// Tokens are checked against the journal and remembered for 5 s, so a revocation takes effect on UDP
/// within 5 s (at once over HTTP).
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
    private static readonly TimeSpan TokenCacheTime = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (string? Sensor, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The port actually bound (useful when configured as an ephemeral port in tests), or 0 before start.</summary>
    public int BoundPort { get; private set; }

    /// <summary>Lines journalled.</summary>
    public long LinesAccepted { get; private set; }

    /// <summary>Lines refused (malformed, bad token, bad fields).</summary>
    public long LinesRefused { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.UdpPort == 0)
        {
            return;
        }

        using var socket = new UdpClient(new IPEndPoint(IPAddress.Parse(o.UdpBindAddress), o.UdpPort));
        BoundPort = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
        LogListening(logger, o.UdpBindAddress, BoundPort);
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

            try
            {
                await HandleAsync(datagram.Buffer, datagram.RemoteEndPoint, stoppingToken).ConfigureAwait(false);
            }
            catch (JournalException ex)
            {
                LogJournalError(logger, datagram.RemoteEndPoint, ex);
            }
        }
    }

    /// <summary>Handles one datagram's lines.</summary>
    internal async Task HandleAsync(ReadOnlyMemory<byte> datagram, IPEndPoint from, CancellationToken cancellationToken)
    {
        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var accepted = new List<JournalObservation>();
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

            var reason = await ParseLineAsync(line, now, accepted, cancellationToken).ConfigureAwait(false);
            if (reason is not null)
            {
                LinesRefused++;
                metrics.Observations.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
                LogRefusedLine(logger, from, lineNumber, reason);
            }
        }

        if (accepted.Count > 0)
        {
            await ingest.SubmitAsync(accepted, received).ConfigureAwait(false);
            LinesAccepted += accepted.Count;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "UDP JSON-lines ingest listening on {Address}:{Port}")]
    private static partial void LogListening(ILogger logger, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP line {Line} from {From} refused: {Reason}")]
    private static partial void LogRefusedLine(ILogger logger, IPEndPoint from, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UDP receive failed")]
    private static partial void LogSocketError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "UDP datagram from {From} could not be journalled")]
    private static partial void LogJournalError(ILogger logger, IPEndPoint from, Exception exception);
}
