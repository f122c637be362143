using System.Diagnostics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Server.Pipeline;

/// <summary>The tracker loop's clock: the server-clock cap on sensor time, the idle anchor, and output guards.</summary>
public sealed partial class TrackerLoop
{
    private readonly Dictionary<string, long> _outputFailures = new(StringComparer.Ordinal);
    private long _outputFailureCount;

    /// <summary>The last real step: its sensor time and the <see cref="Stopwatch"/> timestamp it stands for.</summary>
    private (Timestamp Time, long Wall)? _anchor;

    /// <summary>The highest journal sequence the recovery read (inbox items at or below it were replayed).</summary>
    private long _recoveredThrough;

    /// <summary>Times a live output (picture, alerts, TAK, stream) threw; each is logged and tracking goes on.</summary>
    public long OutputFailures => Interlocked.Read(ref _outputFailureCount);

    private Timestamp Now() => Timestamp.FromDateTimeOffset(clock.GetUtcNow());

    /// <summary>The sensor time <paramref name="anchor"/> stands for now, by the wall clock.</summary>
    private static Timestamp Projected((Timestamp Time, long Wall) anchor) =>
        anchor.Time.AddSeconds(Stopwatch.GetElapsedTime(anchor.Wall).TotalSeconds);

    /// <summary>
    /// Keeps <paramref name="batch"/> from moving the tracker past <paramref name="now"/> (the server clock):
    /// an observation stamped ahead by at most the reorder window is re-timed to now (widened for the
    /// difference); one further ahead is removed and counted as future (it is journalled already).
    /// </summary>
    private void CapToServerClock(List<Observation> batch, Timestamp now)
    {
        var window = _options.ReorderWindowSeconds;
        var kept = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var o = batch[i];
            if (o.SensorTime > now)
            {
                if (o.SensorTime.SecondsSince(now) > window)
                {
                    Future++;
                    health.Future(o.Sensor.Value, 1);
                    metrics.Dropped.Add(1, new KeyValuePair<string, object?>("reason", "future"));
                    continue;
                }

                o = LateObservations.Widen(o, now, _options.LateSpeedBoundMetersPerSecond);
            }

            batch[kept++] = o;
        }

        batch.RemoveRange(kept, batch.Count - kept);
    }

    private static bool IsOutputFailure(Exception ex) => ex is not (OperationCanceledException or OutOfMemoryException);

    private void OutputFailed(string output, Exception ex)
    {
        Interlocked.Increment(ref _outputFailureCount);
        var n = _outputFailures.GetValueOrDefault(output) + 1;
        _outputFailures[output] = n;
        if ((n & (n - 1)) == 0)
        {
            // The first failure, then at powers of two: a broken output cannot flood the log.
            LogOutputFailed(logger, output, n, ex);
        }
    }
}
