using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Server.Hosting;
using Vigia.Server.Json;
using Vigia.Storage;
using Vigia.Tracking.Trackers;

namespace Vigia.Server.Pipeline;

/// <summary>
/// The one loop that owns the live tracker (house style §2): rebuilds the picture from the journal at
/// start, then takes committed observations from the <see cref="TrackerInbox"/>, steps the tracker in
/// sensor-time order, publishes what changed on the stream, and journals track updates.
/// </summary>
/// <remarks>
/// Sensor time drives the tracker, but never past the server clock: an observation stamped ahead of it
/// by at most the reorder window is applied at the server clock (widened for the difference), one
/// stamped further ahead is counted as future (journalled, not tracked), so one sensor with a fast clock
/// cannot drag the picture into the future. An observation older than the tracker's time by at most the
/// reorder window is applied widened (<see cref="LateObservations"/>); an older one is counted as late
/// (it is in the journal already). Without input the tracker follows the wall clock from the last real
/// step (that step's sensor time plus the wall time since, one reorder window behind), so tracks that
/// stop being seen leave the picture in real time.
/// </remarks>
public sealed partial class TrackerLoop(
    TrackerInbox queue,
    SensorDirectory directory,
    TrackPicture picture,
    EventBroadcaster broadcaster,
    IJournal journal,
    SensorHealthBook health,
    ServerMetrics metrics,
    Threats.AlertLoop alerts,
    Outputs.Tak.ICotPublisher cot,
    IOptions<VigiaServerOptions> options,
    TimeProvider clock,
    ILogger<TrackerLoop> logger) : BackgroundService
{
    private readonly VigiaServerOptions _options = options.Value;
    private readonly List<TrackSnapshot> _snapshots = [];
    private readonly List<Observation> _batch = [];
    private readonly List<TrackSnapshot> _trackJournal = [];
    private MultiTargetTracker? _tracker;
    private LocalTangentPlane? _frame;
    private PictureDiff? _diff;
    private Timestamp? _time;
    private long _firstTrackId = 1;
    private Task _journalWrite = Task.CompletedTask;

    /// <summary>Track updates not journalled because the journal fell behind.</summary>
    public long TrackUpdatesDropped { get; private set; }

    /// <summary>Observations tracked late but inside the reorder window.</summary>
    public long Reordered { get; private set; }

    /// <summary>Observations later than the reorder window (journalled, not tracked).</summary>
    public long Late { get; private set; }

    /// <summary>Observations stamped further ahead of the server clock than the reorder window (journalled, not tracked).</summary>
    public long Future { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JournalException or InvalidOperationException)
        {
            LogRecoveryFailed(logger, ex);
        }

        picture.MarkReady();
        var reader = queue.Reader;
        var work = new List<TrackerWork>();
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                idle.CancelAfter(TimeSpan.FromMilliseconds(250));
                try
                {
                    await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // No input for a while: advance along the wall clock below.
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            work.Clear();
            while (reader.TryRead(out var item))
            {
                work.Add(item);
            }

            if (work.Count > 0)
            {
                Process(work);
            }

            // Also after input that moved nothing (all late, future or replayed), so a busy sensor with a
            // bad clock cannot hold the picture still.
            AdvanceIdle();
        }

        await _journalWrite.ConfigureAwait(false);
    }

    private void Process(List<TrackerWork> work)
    {
        _batch.Clear();
        var received = long.MaxValue;
        foreach (var w in work)
        {
            queue.Taken(w.Observations.Length);
            received = Math.Min(received, w.ReceivedTimestamp);
            if (w.Sequences is { } sequences && _recoveredThrough > 0)
            {
                // Committed before the recovery read: already replayed from the journal.
                for (var i = 0; i < w.Observations.Length; i++)
                {
                    if (sequences[i] > _recoveredThrough)
                    {
                        _batch.Add(w.Observations[i]);
                    }
                }
            }
            else
            {
                _batch.AddRange(w.Observations);
            }
        }

        if (_batch.Count == 0 || !EnsureTracker(_batch))
        {
            return;
        }

        CapToServerClock(_batch, Now());
        if (_batch.Count == 0)
        {
            return;
        }

        _batch.Sort(static (a, b) => a.SensorTime.CompareTo(b.SensorTime));
        var step = _batch[^1].SensorTime;
        var advanced = _time is not { } previous || step > previous;
        if (_time is { } now)
        {
            var window = _options.ReorderWindowSeconds;
            var kept = 0;
            for (var i = 0; i < _batch.Count; i++)
            {
                var o = _batch[i];
                if (o.SensorTime < now)
                {
                    if (now.SecondsSince(o.SensorTime) > window)
                    {
                        Late++;
                        health.Late(o.Sensor.Value, 1);
                        metrics.Dropped.Add(1, new KeyValuePair<string, object?>("reason", "late"));
                        continue;
                    }

                    Reordered++;
                    health.Reordered(o.Sensor.Value, 1);
                    o = LateObservations.Widen(o, now, _options.LateSpeedBoundMetersPerSecond);
                }

                _batch[kept++] = o;
            }

            _batch.RemoveRange(kept, _batch.Count - kept);
            if (step < now)
            {
                step = now;
            }
        }

        if (_batch.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        _tracker!.Step(step, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_batch));
        metrics.ScanDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _time = step;
        if (advanced)
        {
            // Idle steps follow the wall clock from here. A batch that was only reordered (behind the
            // tracker's time) does not re-anchor: that would hold the clock back.
            _anchor = (step, Stopwatch.GetTimestamp());
        }

        Publish(step, received);
        metrics.EndToEnd.Record(Stopwatch.GetElapsedTime(received).TotalMilliseconds);
    }

    private void AdvanceIdle()
    {
        if (_tracker is null || _time is not { } now || _anchor is not { } anchor)
        {
            return;
        }

        // Anchored at the last real step: the tracker's clock runs at wall-clock speed, one reorder window
        // behind what that sensor time would be now, however many idle steps it takes.
        var target = Projected(anchor).AddSeconds(-_options.ReorderWindowSeconds);
        if (target.SecondsSince(now) < 0.1)
        {
            return;
        }

        _tracker.Step(target, ReadOnlySpan<Observation>.Empty);
        _time = target;
        Publish(target, 0);
    }

    private bool EnsureTracker(List<Observation> observations)
    {
        if (_tracker is not null)
        {
            return true;
        }

        _frame = directory.Frame;
        if (_frame is null)
        {
            // No configured origin and no positioned sensor: only geodetic observations can be tracked;
            // the first one fixes the frame.
            var first = observations.FirstOrDefault(o => o.Measurement.Kind == MeasurementKind.GeodeticPosition);
            if (first is null)
            {
                return false;
            }

            var m = first.Measurement;
            _frame = new LocalTangentPlane(new GeoPosition(m.V0, m.V1, 0));
        }

        _tracker = new MultiTargetTracker(new TrackerOptions { Frame = _frame, FirstTrackId = _firstTrackId });
        return true;
    }

    /// <param name="time">The tracker's time.</param>
    /// <param name="received">Stopwatch timestamp at which the oldest observation of this step was received, or 0 for an idle step.</param>
    /// <remarks>Each output is guarded on its own: one that throws is logged and counted, never stops tracking or the others.</remarks>
    private void Publish(Timestamp time, long received)
    {
        _snapshots.Clear();
        _tracker!.GetDisplayedTracks(time, _snapshots);
        _diff ??= new PictureDiff(_frame!, "live", _options.TrackJournalIntervalSeconds, _options.Exercise);
        TracksEvent? change = null;
        try
        {
            change = _diff.Update(time, _snapshots, _trackJournal);
            picture.Set(_diff.Picture);
        }
        catch (Exception ex) when (IsOutputFailure(ex))
        {
            OutputFailed("picture", ex);
        }

        var tracks = _snapshots.ToArray();
        try
        {
            alerts.OfferPicture(time, tracks, _frame!, received);
        }
        catch (Exception ex) when (IsOutputFailure(ex))
        {
            OutputFailed("alerts", ex);
        }

        try
        {
            cot.PublishTracks(time, tracks, _frame!, alerts.IsAllowListed);
        }
        catch (Exception ex) when (IsOutputFailure(ex))
        {
            OutputFailed("tak", ex);
        }

        if (change is not null)
        {
            try
            {
                broadcaster.Publish(StreamFrames.Encode("tracks", JsonSerializer.SerializeToUtf8Bytes(change, ServerJsonContext.Default.TracksEvent)));
            }
            catch (Exception ex) when (IsOutputFailure(ex))
            {
                OutputFailed("stream", ex);
            }
        }

        FlushTrackJournal();
    }

    private void FlushTrackJournal()
    {
        if (_trackJournal.Count == 0)
        {
            return;
        }

        if (!_journalWrite.IsCompleted)
        {
            // The journal is slower than the picture changes: keep at most the newest 100 000 updates
            // waiting (the track journal is history, not evidence; observations are never dropped).
            if (_trackJournal.Count > 100_000)
            {
                TrackUpdatesDropped += _trackJournal.Count - 50_000;
                _trackJournal.RemoveRange(0, _trackJournal.Count - 50_000);
            }

            return;
        }

        var batch = _trackJournal.ToArray();
        _trackJournal.Clear();
        _journalWrite = WriteTracksAsync(batch);
    }

    private async Task WriteTracksAsync(TrackSnapshot[] batch)
    {
        try
        {
            await journal.AppendTrackUpdatesAsync(batch).ConfigureAwait(false);
        }
        catch (JournalException ex)
        {
            LogTrackJournalFailed(logger, batch.Length, ex);
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        _firstTrackId = await journal.MaxTrackIdAsync(cancellationToken).ConfigureAwait(false) + 1;
        if (await journal.LatestObservationTimeAsync(cancellationToken).ConfigureAwait(false) is not { } latest)
        {
            return;
        }

        // A row stamped ahead of the server clock (a sensor with a fast clock) must not set the clock:
        // replay up to now, rows at most a reorder window ahead re-timed to now, further ones left out
        // (they were not tracked live either).
        var now = Now();
        if (latest > now)
        {
            latest = now;
        }

        var started = Stopwatch.GetTimestamp();
        var query = new ObservationQuery { From = latest.AddSeconds(-_options.RecoveryWindowSeconds), To = now.AddSeconds(_options.ReorderWindowSeconds) };
        var pending = new List<Observation>();
        var count = 0;
        Observation? newest = null;
        await foreach (var stored in journal.ReadObservationsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            _recoveredThrough = Math.Max(_recoveredThrough, stored.Sequence);
            var o = stored.Observation;
            if (o.SensorTime > now)
            {
                o = LateObservations.Widen(o, now, _options.LateSpeedBoundMetersPerSecond);
            }

            if (pending.Count > 0 && o.SensorTime != pending[0].SensorTime)
            {
                StepRecovered(pending);
            }

            pending.Add(o);
            newest = stored.Observation;
            count++;
        }

        StepRecovered(pending);
        if (_time is { } t && newest is not null)
        {
            // Anchor as if the newest row had just been stepped live when it was received: a picture
            // rebuilt from old data ages to the present at the first idle step instead of being shown as live.
            var sinceReceived = Math.Max(0, now.SecondsSince(newest.ReceiveTime));
            _anchor = (t, Stopwatch.GetTimestamp() - (long)(sinceReceived * Stopwatch.Frequency));
            Publish(t, 0);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogRecovered(logger, count, _diff?.Count ?? 0, elapsed);

        void StepRecovered(List<Observation> scan)
        {
            if (scan.Count == 0 || !EnsureTracker(scan))
            {
                scan.Clear();
                return;
            }

            _tracker!.Step(scan[0].SensorTime, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scan));
            _time = scan[0].SensorTime;
            scan.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered the live picture from {Observations} journalled observations: {Tracks} tracks in {Milliseconds:F0} ms")]
    private static partial void LogRecovered(ILogger logger, int observations, int tracks, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not rebuild the picture from the journal; starting empty")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live output {Output} failed ({Failures} failures so far); tracking goes on")]
    private static partial void LogOutputFailed(ILogger logger, string output, long failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not journal {Count} track updates")]
    private static partial void LogTrackJournalFailed(ILogger logger, int count, Exception exception);
}

/// <summary>Server-Sent Events framing.</summary>
public static class StreamFrames
{
    /// <summary>An <c>event: NAME</c> / <c>data: JSON</c> block, ready to write.</summary>
    public static ReadOnlyMemory<byte> Encode(string eventName, ReadOnlySpan<byte> json)
    {
        var head = Encoding.UTF8.GetBytes($"event: {eventName}\ndata: ");
        var frame = new byte[head.Length + json.Length + 2];
        head.CopyTo(frame, 0);
        json.CopyTo(frame.AsSpan(head.Length));
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        return frame;
    }
}
