using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Storage;
using Vigia.Storage.Alerts;
using Vigia.Tracking.Trackers;

namespace Vigia.Server.Replay;

/// <summary>State of a replay session.</summary>
public enum ReplayState
{
    /// <summary>Playing.</summary>
    Running = 0,

    /// <summary>Paused (step or resume to go on).</summary>
    Paused = 1,

    /// <summary>Reached the end of the period.</summary>
    Finished = 2,

    /// <summary>Stopped by a user.</summary>
    Stopped = 3,

    /// <summary>Failed (journal error); see the detail.</summary>
    Failed = 4,
}

/// <summary>
/// One replay: a stored period of the journal re-run through a fresh tracker, paced on the wall clock at
/// ×speed (0 = as fast as possible), on its own stream. Every event says <c>"mode":"replay"</c>; nothing
/// of it reaches the live picture, the live stream or any warning output. With an alert store, the alerts
/// journalled in the period play alongside (<see cref="ReplayAlerts"/>).
/// </summary>
/// <remarks>Thread-safety: the control methods may be called from any thread; one task runs the replay.</remarks>
public sealed class ReplaySession : IDisposable
{
    private readonly IJournal _journal;
    private readonly LocalTangentPlane? _configuredFrame;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly object _gate = new();
    private double _speed;
    private bool _paused;
    private int _steps;
    private Timestamp? _seekTo;
    private readonly ReplayAlerts? _alerts;
    private CancellationTokenSource? _pass;

    /// <summary>Creates a session; call <see cref="Start"/>. With <paramref name="alerts"/>, the period's journalled alerts are replayed too.</summary>
    public ReplaySession(string id, IJournal journal, LocalTangentPlane? frame, Timestamp from, Timestamp to, double speed, TimeProvider clock, IAlertStore? alerts = null)
    {
        _alerts = alerts is null ? null : new ReplayAlerts(alerts, Broadcaster);
        Id = id;
        _journal = journal;
        _configuredFrame = frame;
        From = from;
        To = to;
        _speed = speed;
        _clock = clock;
    }

    /// <summary>Session id.</summary>
    public string Id { get; }

    /// <summary>Start of the period (sensor time, inclusive).</summary>
    public Timestamp From { get; }

    /// <summary>End of the period (sensor time, exclusive).</summary>
    public Timestamp To { get; }

    /// <summary>The session's own stream.</summary>
    public EventBroadcaster Broadcaster { get; } = new();

    /// <summary>Current state.</summary>
    public ReplayState State { get; private set; } = ReplayState.Running;

    /// <summary>Sensor time reached.</summary>
    public Timestamp? Position { get; private set; }

    /// <summary>Observations replayed so far.</summary>
    public long Observations { get; private set; }

    /// <summary>The <c>alerts</c> event showing the replayed alerts standing now, for a new subscriber; null without an alert store or before playback starts.</summary>
    public ReadOnlyMemory<byte>? AlertsSnapshot() => _alerts?.Snapshot();

    /// <summary>Journalled alert versions replayed so far (after the standing ones at the start or a seek).</summary>
    public long AlertVersions => _alerts?.Published ?? 0;

    /// <summary>Why it failed, if it did.</summary>
    public string? Detail { get; private set; }

    /// <summary>When it ended (wall clock), or null while it runs.</summary>
    public DateTimeOffset? Ended { get; private set; }

    /// <summary>The picture now (for a new subscriber's first event).</summary>
    public PictureDto Picture { get; private set; } = new("replay", null, []);

    /// <summary>Playback speed (0 = as fast as possible).</summary>
    public double Speed
    {
        get
        {
            lock (_gate)
            {
                return _speed;
            }
        }
    }

    /// <summary>The running task (completes when the replay ends).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts playing on the thread pool.</summary>
    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>Pauses.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
        }

        SetState(ReplayState.Paused);
    }

    /// <summary>Resumes, optionally at a new speed.</summary>
    public void Resume(double? speed = null)
    {
        lock (_gate)
        {
            _paused = false;
            _speed = speed ?? _speed;
        }

        SetState(ReplayState.Running);
        _wake.Release();
    }

    /// <summary>While paused, plays exactly one more step.</summary>
    public void Step()
    {
        lock (_gate)
        {
            _steps++;
        }

        _wake.Release();
    }

    /// <summary>
    /// Jumps to <paramref name="time"/> (clamped to the period): the tracker starts afresh and is run without
    /// pacing or events over the <see cref="SeekWarmUpSeconds"/> before it, so tracks are confirmed when
    /// playback resumes there; a <c>tracks</c> event removes the old picture first. Paused stays paused.
    /// </summary>
    public void Seek(Timestamp time)
    {
        lock (_gate)
        {
            _seekTo = time < From ? From : time > To ? To : time;
            _pass?.Cancel();
        }

        _wake.Release();
    }

    /// <summary>Seconds replayed silently before a seek target so that tracks are confirmed there.</summary>
    public const double SeekWarmUpSeconds = 10;

    /// <summary>Stops for good.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _wake.Release();
    }

    /// <summary>The session as the API shows it.</summary>
    public ReplayDto ToDto() => new(
        Id,
        From.ToDateTimeOffset(),
        To.ToDateTimeOffset(),
        Speed,
        State.ToString().ToLowerInvariant(),
        Position?.ToDateTimeOffset(),
        Observations,
        $"/api/v1/replays/{Id}/stream",
        Detail);

    /// <inheritdoc />
    public void Dispose()
    {
        _pass?.Dispose();
        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        MultiTargetTracker? tracker = null;
        PictureDiff? diff = null;
        var scan = new List<Observation>();
        var displayed = new List<TrackSnapshot>();
        Timestamp? lastTime = null;
        var start = From;
        Timestamp? silentUntil = null;
        try
        {
            if (_alerts is not null)
            {
                await _alerts.LoadAsync(From, To, _stop.Token).ConfigureAwait(false);
            }

            while (true)
            {
                CancellationTokenSource pass;
                lock (_gate)
                {
                    _pass?.Dispose();
                    _pass = pass = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    if (_seekTo is not null)
                    {
                        pass.Cancel(); // a seek that came before this pass existed (e.g. while alerts loaded)
                    }
                }

                if (silentUntil is null)
                {
                    _alerts?.Advance(start);
                }

                try
                {
                    await foreach (var stored in _journal.ReadObservationsAsync(new ObservationQuery { From = start, To = To }, pass.Token).ConfigureAwait(false))
                    {
                        var o = stored.Observation;
                        if (scan.Count > 0 && o.SensorTime != scan[0].SensorTime)
                        {
                            await PlayAsync(pass.Token).ConfigureAwait(false);
                        }

                        scan.Add(o);
                    }

                    await PlayAsync(pass.Token).ConfigureAwait(false);
                    await PaceAlertsAsync(To, pass.Token).ConfigureAwait(false);
                    _alerts?.Advance(To);
                    break;
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested && SeekTarget() is { } target)
                {
                    // A seek: forget the picture, start a fresh tracker a little before the target.
                    if (diff?.Picture.Tracks is { Count: > 0 } shown)
                    {
                        Broadcaster.Publish(StreamFrames.Encode("tracks", JsonSerializer.SerializeToUtf8Bytes(
                            new TracksEvent("replay", target.ToDateTimeOffset(), [], [.. shown.Select(t => t.Id)]), ServerJsonContext.Default.TracksEvent)));
                    }

                    lock (_gate)
                    {
                        if (_seekTo == target)
                        {
                            _seekTo = null;
                        }
                    }

                    tracker = null;
                    diff = null;
                    scan.Clear();
                    lastTime = null;
                    Position = target;
                    start = target.AddSeconds(-SeekWarmUpSeconds) < From ? From : target.AddSeconds(-SeekWarmUpSeconds);
                    silentUntil = target;
                    _alerts?.Restart();
                    _alerts?.Advance(target);
                }
            }

            Finish(ReplayState.Finished, null);
        }
        catch (OperationCanceledException)
        {
            Finish(ReplayState.Stopped, null);
        }
        catch (JournalException ex)
        {
            Finish(ReplayState.Failed, ex.Message);
        }

        async Task PlayAsync(CancellationToken pass)
        {
            if (scan.Count == 0)
            {
                return;
            }

            var time = scan[0].SensorTime;
            var silent = silentUntil is { } until && time < until;
            if (!silent)
            {
                await PaceAlertsAsync(time, pass).ConfigureAwait(false);
                await PaceAsync(lastTime, time, pass).ConfigureAwait(false);
            }

            if (tracker is null)
            {
                var frame = _configuredFrame ?? FrameFrom(scan);
                if (frame is null)
                {
                    scan.Clear();
                    return;
                }

                tracker = new MultiTargetTracker(new TrackerOptions { Frame = frame });
                diff = new PictureDiff(frame, "replay");
            }

            tracker.Step(time, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scan));
            Observations += scan.Count;
            scan.Clear();
            if (silent)
            {
                return;
            }

            lastTime = time;
            Position = time;
            displayed.Clear();
            tracker.GetDisplayedTracks(time, displayed);
            var change = diff!.Update(time, displayed);
            Picture = diff.Picture;
            if (change is not null)
            {
                Broadcaster.Publish(StreamFrames.Encode("tracks", JsonSerializer.SerializeToUtf8Bytes(change, ServerJsonContext.Default.TracksEvent)));
            }

            _alerts?.Advance(time);
        }

        // Alert versions journalled before the next scan (or the end) play at their own time, paced like scans: an
        // alert raised while no sensor reported (coverage lost) is shown when it was raised, not with the next plot.
        async Task PaceAlertsAsync(Timestamp until, CancellationToken pass)
        {
            while (lastTime is { } previous && _alerts?.NextBefore(until) is { } at)
            {
                if (at > previous)
                {
                    await PaceAsync(previous, at, pass).ConfigureAwait(false);
                    lastTime = at;
                    Position = at;
                }

                _alerts.Advance(at);
            }
        }
    }

    private Timestamp? SeekTarget()
    {
        lock (_gate)
        {
            return _seekTo;
        }
    }

    private async Task PaceAsync(Timestamp? previous, Timestamp next, CancellationToken pass)
    {
        while (true)
        {
            bool paused;
            double speed;
            lock (_gate)
            {
                paused = _paused;
                speed = _speed;
                if (paused && _steps > 0)
                {
                    _steps--;
                    return;
                }
            }

            pass.ThrowIfCancellationRequested();
            if (paused)
            {
                await _wake.WaitAsync(pass).ConfigureAwait(false);
                continue;
            }

            if (speed <= 0 || previous is not { } p)
            {
                return;
            }

            var wait = TimeSpan.FromSeconds(Math.Min(next.SecondsSince(p) / speed, 60));
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            // Wake early on pause, step, speed change or stop; then re-evaluate.
            if (!await _wake.WaitAsync(wait, pass).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private void SetState(ReplayState state)
    {
        if (State is ReplayState.Finished or ReplayState.Stopped or ReplayState.Failed)
        {
            return;
        }

        State = state;
        PublishStatus();
    }

    private void Finish(ReplayState state, string? detail)
    {
        State = state;
        Detail = detail;
        Ended = _clock.GetUtcNow();
        PublishStatus();
    }

    private void PublishStatus() =>
        Broadcaster.Publish(StreamFrames.Encode("replay", JsonSerializer.SerializeToUtf8Bytes(new ReplayStatusEvent("replay", ToDto()), ServerJsonContext.Default.ReplayStatusEvent)));

    private static LocalTangentPlane? FrameFrom(List<Observation> scan)
    {
        var first = scan.FirstOrDefault(o => o.Measurement.Kind == MeasurementKind.GeodeticPosition);
        return first is null ? null : new LocalTangentPlane(new GeoPosition(first.Measurement.V0, first.Measurement.V1, 0));
    }
}
