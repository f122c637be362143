using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Lifecycle;
using Vigia.Alerting.Rules;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Server.Hosting;
using Vigia.Server.Pipeline;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Threats;

/// <summary>
/// The one loop that owns the <see cref="AlertEngine"/>: it takes every track picture the tracker loop
/// publishes (only the newest when it falls behind), sensor up/down changes, zone and allow-list edits and
/// acknowledgements, evaluates the threat rules, and hands the alert changes to every
/// <see cref="IAlertOutput"/> — the journal first, so a change is durable before anyone is told.
/// </summary>
/// <remarks>
/// Time is sensor time (the picture's). Once a second without a picture (no tracker running) the engine is
/// evaluated on an empty picture at wall-clock time, so standing alerts clear and expiries run.
/// </remarks>
public sealed partial class AlertLoop(
    IAlertStore store,
    SensorDirectory directory,
    IEnumerable<IAlertOutput> outputs,
    AlertBoard board,
    ServerMetrics metrics,
    IOptions<VigiaServerOptions> serverOptions,
    IOptions<ThreatRuleOptions> ruleOptions,
    TimeProvider clock,
    ILogger<AlertLoop> logger) : BackgroundService
{
    private readonly Channel<AlertWork> _work = Channel.CreateUnbounded<AlertWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IAlertOutput[] _outputs = [.. outputs];
    private readonly List<(TaskCompletionSource<Alert?> Done, Alert? Result)> _pendingAcks = [];
    private long _pictureSequence;
    private long _received;
    private AlertEngine? _engine;
    private LocalTangentPlane? _frame;
    private Timestamp _lastPicture;
    private long _lastPictureWall;

    /// <summary>Alert changes delivered to all outputs.</summary>
    public long Published { get; private set; }

    /// <summary>Output failures (logged; the other outputs still ran).</summary>
    public long OutputFailures { get; private set; }

    /// <summary>
    /// Offers the whole picture at a tracker step (tracker loop; the array is the loop's own copy).
    /// <paramref name="received"/> is the stopwatch time its oldest observation arrived (0 for an idle step).
    /// </summary>
    public void OfferPicture(Timestamp time, TrackSnapshot[] tracks, LocalTangentPlane frame, long received = 0) =>
        _work.Writer.TryWrite(new AlertWork.Picture(time, tracks, frame, Interlocked.Increment(ref _pictureSequence), received));

    /// <summary>Asks the loop to reload zones and the allow-list from the store.</summary>
    public void Reload() => _work.Writer.TryWrite(new AlertWork.Reload());

    /// <summary>Reports a sensor going down or coming back.</summary>
    public void SensorStateChanged(string sensorId, bool down, Timestamp time) =>
        _work.Writer.TryWrite(new AlertWork.SensorState(sensorId, down, time));

    /// <summary>Acknowledges an alert; the acknowledged version, or null when unknown, cleared or already acknowledged.</summary>
    public async Task<Alert?> AcknowledgeAsync(string alertId, string by, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<Alert?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(new AlertWork.Acknowledge(alertId, by, done));
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RestoreAsync(stoppingToken).ConfigureAwait(false);
        var reader = _work.Reader;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                idle.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Quiet second: evaluated below.
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var events = new List<AlertEvent>();
            while (reader.TryRead(out var work))
            {
                await HandleAsync(work, events, stoppingToken).ConfigureAwait(false);
            }

            Idle(events);
            await PublishAsync(events, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(AlertWork work, List<AlertEvent> events, CancellationToken cancellationToken)
    {
        switch (work)
        {
            case AlertWork.Picture picture when picture.Sequence == Interlocked.Read(ref _pictureSequence):
                var engine = await EngineAsync(picture.Frame, cancellationToken).ConfigureAwait(false);
                var before = events.Count;
                events.AddRange(engine.Evaluate(picture.Time, picture.Tracks));
                if (events.Count > before && picture.Received != 0)
                {
                    _received = _received == 0 ? picture.Received : Math.Min(_received, picture.Received);
                }

                _lastPicture = picture.Time;
                _lastPictureWall = clock.GetTimestamp();
                break;
            case AlertWork.Reload when _engine is not null:
                await LoadRulesAsync(_engine, cancellationToken).ConfigureAwait(false);
                break;
            case AlertWork.Acknowledge ack:
                var change = _engine?.Acknowledge(ack.AlertId, ack.By, Timestamp.FromDateTimeOffset(clock.GetUtcNow()));
                if (change is not null)
                {
                    events.Add(change);
                }

                // Answered after publishing, so the caller sees a journalled acknowledgement.
                _pendingAcks.Add((ack.Done, change?.Alert));
                break;
            case AlertWork.SensorState state when _engine is not null:
                if (state.Down)
                {
                    _engine.ReplaceSensors(Coverage());
                    if (_engine.SensorDown(state.SensorId, state.Time) is { } lost)
                    {
                        events.Add(lost);
                    }
                }
                else
                {
                    _engine.SensorUp(state.SensorId, state.Time);
                }

                break;
        }
    }

    private void Idle(List<AlertEvent> events)
    {
        if (_engine is null || clock.GetElapsedTime(_lastPictureWall) < TimeSpan.FromSeconds(2))
        {
            return;
        }

        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        if (now > _lastPicture)
        {
            events.AddRange(_engine.Evaluate(now, []));
            _lastPicture = now;
        }
    }

    private async Task PublishAsync(List<AlertEvent> events, CancellationToken cancellationToken)
    {
        foreach (var output in events.Count > 0 ? _outputs : [])
        {
            try
            {
                await output.PublishAsync(events, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                OutputFailures++;
                LogOutputFailed(logger, output.Name, events.Count, ex);
            }
        }

        Published += events.Count;
        if (_received != 0)
        {
            metrics.AlertLatency.Record(System.Diagnostics.Stopwatch.GetElapsedTime(_received).TotalMilliseconds);
            _received = 0;
        }

        foreach (var (done, result) in _pendingAcks)
        {
            done.TrySetResult(result);
        }

        _pendingAcks.Clear();
    }
}
