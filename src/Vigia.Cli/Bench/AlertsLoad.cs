using System.Diagnostics;
using System.Globalization;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Bench;

/// <summary>
/// The load of <c>vigia bench alerts</c>, paced as <see cref="LatencyPhase"/>: batch k of
/// <see cref="AlertsBenchSettings.Batch"/> background observations (targets 100 × (k mod 5) … +99 of the
/// <see cref="TargetField"/>) is posted at wall time T + k × interval by sensor k mod 10, with the UNIQUE sensor
/// time S0 + k × interval; every fifth batch also carries every intruder then in the air
/// (<see cref="AlertsScenario"/>). An alert version's time is its tracker picture's, the newest sensor time in the
/// step that made it, so it names the batch whose posting triggered it.
/// </summary>
internal sealed class AlertsLoad(AlertsBenchSettings settings, BenchSensors sensors, TargetField targets, AlertsScenario scenario, string runId)
{
    /// <summary>What was posted: per batch the bench stopwatch time it was sent, and the sensor time of batch 0.</summary>
    internal sealed record Result(double Seconds, long[] SentAt, long FirstSensorTicks, long BatchIntervalTicks, long Observations, long IntruderObservations, long Failed)
    {
        /// <summary>The batch whose sensor time is <paramref name="time"/>, or −1 when none is (to within 1 ms).</summary>
        public int BatchAt(DateTimeOffset time)
        {
            var offset = time.UtcTicks - FirstSensorTicks;
            var k = (long)Math.Round((double)offset / BatchIntervalTicks);
            return k >= 0 && k < SentAt.Length && Math.Abs(offset - (k * BatchIntervalTicks)) < TimeSpan.TicksPerMillisecond ? (int)k : -1;
        }
    }

    /// <summary>Posts the load for the settings' seconds.</summary>
    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var interval = settings.BatchIntervalTicks;
        var total = (int)Math.Round(settings.Seconds * TimeSpan.TicksPerSecond / interval);
        var sentAt = new long[total];
        var start = DateTimeOffset.UtcNow;
        var firstSensorTicks = start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerMillisecond);
        long failed = 0;
        long observations = 0;
        long intruderObservations = 0;
        var inFlight = new List<Task>(total);
        using var batch = new ObservationBatchWriter();
        var wall = Stopwatch.StartNew();
        for (var k = 0; k < total; k++)
        {
            intruderObservations += Build(batch, k, firstSensorTicks);
            observations += batch.Count;
            var body = batch.Complete().ToArray();
            var due = TimeSpan.FromTicks(k * interval) - wall.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }

            sentAt[k] = Stopwatch.GetTimestamp();
            inFlight.Add(PostAsync(sensors.Clients[k % sensors.Clients.Length], body, () => Interlocked.Increment(ref failed), cancellationToken));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return new Result(wall.Elapsed.TotalSeconds, sentAt, firstSensorTicks, interval, observations, intruderObservations, failed);
    }

    /// <summary>Fills <paramref name="batch"/> with batch <paramref name="k"/>; returns how many intruder observations it holds.</summary>
    private int Build(ObservationBatchWriter batch, int k, long firstSensorTicks)
    {
        var interval = settings.BatchIntervalTicks;
        var seconds = (double)k * interval / TimeSpan.TicksPerSecond;
        var sensorTime = new DateTimeOffset(firstSensorTicks + (k * interval), TimeSpan.Zero);
        var sensorId = sensors.Ids[k % sensors.Ids.Length];
        batch.Reset();
        var first = k % (BenchSettings.Targets / AlertsBenchSettings.Batch) * AlertsBenchSettings.Batch;
        for (var i = 0; i < AlertsBenchSettings.Batch; i++)
        {
            batch.WriteGeodetic(sensorId, string.Create(CultureInfo.InvariantCulture, $"al/{runId}/{k}/{i}"), sensorTime, targets.Position(first + i, seconds), 25, 100);
        }

        var intruders = 0;
        if (k % 5 == 0)
        {
            foreach (var (name, position) in scenario.Intruders(seconds))
            {
                batch.WriteGeodetic(sensorId, string.Create(CultureInfo.InvariantCulture, $"in/{runId}/{name}/{k}"), sensorTime, position, 25, 100);
                intruders++;
            }
        }

        return intruders;
    }

    private static async Task PostAsync(VigiaApiClient api, ReadOnlyMemory<byte> body, Action fail, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostObservationsAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiFailureException)
        {
            fail();
        }
    }
}
