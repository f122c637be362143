using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Sensors.Sapient;
using Vigia.Server.Endpoints;
using Vigia.Server.Hosting;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// Runs the SAPIENT fusion node when <c>Vigia:Sapient:Port</c> is set: nodes register over TCP and each
/// becomes a sensor of kind <c>sapient</c> (<c>sapient:{node id}</c>, registered automatically; its token is
/// never shown — SAPIENT nodes speak TCP, not the HTTP API); their detections (with classification) are
/// journalled and tracked; their alerts and registrations are journalled as sensor events.
/// </summary>
public sealed partial class SapientNodeService(
    IOptions<VigiaServerOptions> options,
    SensorDirectory directory,
    IngestService ingest,
    IJournal journal,
    TimeProvider clock,
    ILogger<SapientNodeService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxListenRetry = TimeSpan.FromMinutes(1);
    private readonly Lock _admitting = new();
    private readonly HashSet<string> _admittedNew = new(StringComparer.Ordinal);
    private SapientFusionServer? _server;
    private readonly HashSet<string> _refusedNodes = new(StringComparer.OrdinalIgnoreCase);
    private long _refused;

    /// <summary>The running fusion node, or null when off (or not yet listening).</summary>
    public SapientFusionServer? Server => _server;

    /// <summary>Why the fusion node is not listening (its port cannot be bound; retried), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Detections and alerts refused because their node's sensor is revoked (or was never registered).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The sensor id of a SAPIENT node (as the fusion node names its observations).</summary>
    public static string SensorIdOf(string nodeId) => "sapient:" + nodeId.ToLowerInvariant();

    /// <summary>
    /// Whether a node may register: not one whose sensor is revoked, not one missing from a configured allow-list,
    /// and a new one only while fewer than <c>MaxNodes</c> SAPIENT sensors are registered. Null admits it.
    /// </summary>
    internal string? Admit(string nodeId)
    {
        var settings = options.Value.Sapient;
        if (settings.AllowedNodeIds.Count > 0 && !settings.AllowedNodeIds.Contains(nodeId, StringComparer.OrdinalIgnoreCase))
        {
            return "this node_id is not in the fusion node's allow-list (Vigia:Sapient:AllowedNodeIds)";
        }

        var id = SensorIdOf(nodeId);
        if (directory.Find(id) is { } known)
        {
            return known.Active ? null : "this node's sensor has been revoked";
        }

        lock (_admitting)
        {
            _admittedNew.RemoveWhere(n => directory.Find(n) is not null);
            if (_admittedNew.Contains(id))
            {
                return null;
            }

            var registered = directory.Sensors.Values.Count(s => s.Record.Kind == "sapient");
            if (registered + _admittedNew.Count >= settings.MaxNodes)
            {
                return $"this fusion node accepts at most {settings.MaxNodes} nodes (Vigia:Sapient:MaxNodes)";
            }

            _admittedNew.Add(id);
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Sapient;
        if (settings.Port == 0)
        {
            return;
        }

        await using var server = new SapientFusionServer(new SapientServerOptions
        {
            FusionNodeId = settings.FusionNodeId,
            EndPoint = new IPEndPoint(IPAddress.Parse(settings.BindAddress), settings.Port),
            PictureFrame = directory.Frame,
            IdleTimeout = TimeSpan.FromSeconds(settings.IdleTimeoutSeconds),
            AdmitNode = Admit,
        }, clock);
        // A port in use (another program, a previous instance still closing) must not stop the whole server: the
        // fusion node reports why and tries again, 1 s apart at first, doubling to a minute.
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                server.Start();
                break;
            }
            catch (SocketException ex)
            {
                Error = $"cannot listen on {settings.BindAddress}:{settings.Port}: {ex.Message}; retrying in {delay.TotalSeconds:0} s";
                LogError(logger, Error);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                delay = Hosting.Backoff.Double(delay, MaxListenRetry);
            }
        }

        Error = null;
        _server = server;
        LogListening(logger, server.LocalEndPoint);
        var channel = Channel.CreateBounded<Observation>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var pump = new ObservationPump(ingest, reason => LogError(logger, reason));
        var pumping = pump.RunAsync(channel.Reader, stoppingToken);
        try
        {
            await foreach (var e in server.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await HandleAsync(e, channel.Writer, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            channel.Writer.TryComplete();
            await pumping.ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(SapientEvent e, ChannelWriter<Observation> observations, CancellationToken cancellationToken)
    {
        try
        {
            switch (e)
            {
                case SapientDetection or SapientAlertReceived when directory.Find(e.Sensor.Value) is not { Active: true }:
                    // Revoked while connected (or never registered): nothing it sends is used.
                    Interlocked.Increment(ref _refused);
                    if (_refusedNodes.Add(e.NodeId))
                    {
                        LogRefused(logger, e.NodeId);
                    }

                    break;
                case SapientDetection detection:
                    var observation = detection.Observation.Classification is null && SapientClassification.Of(detection) is { } classification
                        ? detection.Observation with { Classification = classification }
                        : detection.Observation;
                    await observations.WriteAsync(observation, cancellationToken).ConfigureAwait(false);
                    break;
                case SapientNodeEvent { Kind: SapientNodeEventKind.Registered } registered:
                    await RegisterAsync(registered, cancellationToken).ConfigureAwait(false);
                    break;
                case SapientNodeEvent node:
                    await journal.AppendSensorEventAsync(new SensorEvent(node.ReceiveTime, node.Sensor.Value, "sapient-" + node.Kind.ToString().ToLowerInvariant(), node.State.RemoteEndPoint), cancellationToken).ConfigureAwait(false);
                    break;
                case SapientAlertReceived alert:
                    var detail = $"{alert.AlertType} {alert.Status} priority {alert.Priority}: {alert.Description}";
                    await journal.AppendSensorEventAsync(new SensorEvent(alert.ReceiveTime, alert.Sensor.Value, "sapient-alert", detail), cancellationToken).ConfigureAwait(false);
                    // The description is the node's free text (up to a whole frame): escaped and cut before it reaches a log.
                    LogNodeAlert(logger, LogText.Safe(alert.NodeId), LogText.Safe(detail));
                    break;
            }
        }
        catch (JournalException ex)
        {
            LogError(logger, ex.Message);
        }
    }

    private async Task RegisterAsync(SapientNodeEvent registered, CancellationToken cancellationToken)
    {
        var id = registered.Sensor.Value;
        if (directory.Find(id) is null)
        {
            var description = $"SAPIENT node {registered.State.Name ?? registered.NodeId} ({string.Join(", ", registered.State.NodeTypes)}; ICD {registered.State.IcdVersion})";
            var (record, token) = SensorRegistration.Create(id, "sapient", null, description, Timestamp.FromDateTimeOffset(clock.GetUtcNow()));
            await journal.AddSensorAsync(record, Secrets.Hash(token), cancellationToken).ConfigureAwait(false);
            await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        await journal.AppendSensorEventAsync(new SensorEvent(registered.ReceiveTime, id, "sapient-registered", registered.State.RemoteEndPoint), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SAPIENT node {NodeId}: its sensor is revoked or not registered; what it sends is refused")]
    private static partial void LogRefused(ILogger logger, string nodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "SAPIENT fusion node listening on {EndPoint}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "SAPIENT: {Reason}")]
    private static partial void LogError(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SAPIENT node {NodeId} alert: {Detail}")]
    private static partial void LogNodeAlert(ILogger logger, string nodeId, string detail);
}
