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
using Vigia.Storage;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Threats;

/// <summary>
/// The one loop that owns the <see cref="AlertEngine"/>: it takes every track picture the tracker loop
/// publishes (only the newest when it falls behind), sensor up/down changes, zone and allow-list edits and
/// acknowledgements, evaluates the threat rules, and hands the alert changes to every
/// <see cref="IAlertOutput"/> — the journal (with the webhook outbox in the same transaction) first, so a change
/// is durable before anyone is told. A batch the journal fails to take is kept and retried, after a short backoff
/// and before any later batch, until it is taken; meanwhile the live outputs (stream, TAK) have it at once, and
/// only once. An acknowledgement is answered only once its version is journalled.
/// </summary>
/// <remarks>
/// Time is sensor time (the picture's). Once a second without a picture (no tracker running) the engine is
/// evaluated on an empty picture at wall-clock time, so standing alerts clear and expiries run. The engine is
/// made at start (on a provisional frame until the picture frame is known), so sensor health and restored
/// alerts do not wait for a drone.
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
    private readonly List<(TaskCompletionSource<Alert?> Done, Alert Result)> _pendingAcks = [];
    private long _pictureSequence;
    private long _received;
    private AlertEngine? _engine;
    private Timestamp _lastPicture;
    private long _lastPictureWall;

    /// <summary>Alert changes journalled (the live outputs have had them too).</summary>
    public long Published { get; private set; }

    /// <summary>Output failures (logged; the other outputs still ran; a journal failure is retried).</summary>
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

    /// <summary>How long an acknowledgement waits for its version to be journalled before the caller is told the journal is unavailable.</summary>
    public static readonly TimeSpan AcknowledgeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Acknowledges an alert; the acknowledged version once it is journalled, or null when unknown, cleared or already
    /// acknowledged. Throws <see cref="JournalException"/> when the journal has not taken the version within
    /// <see cref="AcknowledgeTimeout"/> (the acknowledgement stands and is journalled when the journal is back).
    /// </summary>
    public async Task<Alert?> AcknowledgeAsync(string alertId, string by, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<Alert?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(new AlertWork.Acknowledge(alertId, by, done));
        try
        {
            return await done.Task.WaitAsync(AcknowledgeTimeout, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new JournalException(
                $"the alert journal did not take the acknowledgement within {AcknowledgeTimeout.TotalSeconds:0} s; it stands and is journalled when the journal answers again",
                ex);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // Stopping with changes the journal never took: their acknowledgements were not saved.
            foreach (var (done, _) in _unjournalled.SelectMany(b => b.Acks).Concat(_pendingAcks))
            {
                done.TrySetException(new JournalException("the alert loop stopped before the acknowledgement was journalled"));
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await RestoreAsync(stoppingToken).ConfigureAwait(false);
        var reader = _work.Reader;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                idle.CancelAfter(WaitTime());
                try
                {
                    await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Quiet second (or a journal retry due): evaluated below.
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

            await IdleAsync(events, stoppingToken).ConfigureAwait(false);
            await PublishAsync(events, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(AlertWork work, List<AlertEvent> events, CancellationToken cancellationToken)
    {
        switch (work)
        {
            case AlertWork.Picture picture when picture.Sequence == Interlocked.Read(ref _pictureSequence):
                if (await EngineAsync(picture.Frame, events, cancellationToken).ConfigureAwait(false) is not { } engine)
                {
                    break;
                }

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
                await ReloadRulesAsync(_engine, cancellationToken).ConfigureAwait(false);
                break;
            case AlertWork.Acknowledge ack:
                var change = _engine?.Acknowledge(ack.AlertId, ack.By, Timestamp.FromDateTimeOffset(clock.GetUtcNow()));
                if (change is null)
                {
                    ack.Done.TrySetResult(null);
                    break;
                }

                // Answered once the change is journalled, so the caller sees a durable acknowledgement.
                events.Add(change);
                _pendingAcks.Add((ack.Done, change.Alert));
                break;
            case AlertWork.SensorState state:
                // Kept, so an engine made later (no picture frame yet, or the journal down at start) still hears it.
                _sensorStates[state.SensorId] = state;
                if (_engine is not null)
                {
                    ApplySensorState(_engine, state, events);
                }

                break;
        }
    }

    private void ApplySensorState(AlertEngine engine, AlertWork.SensorState state, List<AlertEvent> events)
    {
        if (state.Down)
        {
            engine.ReplaceSensors(Coverage());
            if (engine.SensorDown(state.SensorId, state.Time) is { } lost)
            {
                events.Add(lost);
            }
        }
        else
        {
            engine.SensorUp(state.SensorId, state.Time);
        }
    }

    private async Task IdleAsync(List<AlertEvent> events, CancellationToken cancellationToken)
    {
        if (clock.GetElapsedTime(_lastPictureWall) < TimeSpan.FromSeconds(2)
            || await EngineAsync(null, events, cancellationToken).ConfigureAwait(false) is not { } engine)
        {
            return;
        }

        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        if (now > _lastPicture)
        {
            events.AddRange(engine.Evaluate(now, []));
            _lastPicture = now;
        }
    }
}
