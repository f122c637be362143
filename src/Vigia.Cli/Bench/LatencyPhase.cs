using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Bench;

/// <summary>
/// Phase (b): end-to-end latency at 10,000 observations/s. Batch k (k = 0, 1, …) of
/// <see cref="BenchSettings.LatencyBatch"/> geodetic observations is sent at wall time T + k × 10 ms (paced,
/// not waiting for earlier answers) by sensor k mod 10, and holds the positions of targets
/// 100 × (k mod 5) … +99 at the UNIQUE sensor time S0 + k × 10 ms; every target is thus seen every 50 ms.
/// </summary>
/// <remarks>
/// Correlation: a subscriber reads <c>GET /api/v1/stream</c>. The tracker stamps every track it updates in a
/// step with the step's time, the largest sensor time in that step, and processes sensor times in order; so
/// the first <c>tracks</c> event whose <c>updated</c> holds a track with <c>last_update</c> ≥ batch k's sensor
/// time is the first event that can show batch k's effect. On each event the largest <c>last_update</c> L
/// marks every batch with sensor time ≤ L, not yet marked, as delivered at the event's arrival; its latency
/// is arrival − send time (one client stopwatch for both). Caveat: if requests commit out of order, a batch
/// overtaken by a later one is marked when the later one shows, up to one reorder gap early. The first
/// second (tracks being confirmed) is sent but not measured.
/// </remarks>
internal sealed class LatencyPhase(BenchSettings settings, BenchServer server, BenchSensors sensors, TargetField targets, Stopwatch benchClock, string runId)
{
    private const long BatchIntervalTicks = TimeSpan.TicksPerSecond / BenchSettings.LatencyRequestsPerSecond;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private long[] _sentAt = [];
    private double[] _latency = [];
    private int _sent;
    private int _delivered;
    private long _firstSensorTicks;

    /// <summary>What the phase measured.</summary>
    internal sealed record Result(double Seconds, int BatchesSent, int BatchesMeasured, int Undelivered, LatencySample EndToEnd, LatencySample Ack, long Failed, PrometheusText Before, PrometheusText After);

    /// <summary>Runs the phase.</summary>
    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var warmUpBatches = (int)(WarmUp.Ticks / BatchIntervalTicks);
        var measuredBatches = (int)Math.Round(settings.Seconds * BenchSettings.LatencyRequestsPerSecond);
        var total = warmUpBatches + measuredBatches;
        _sentAt = new long[total];
        _latency = new double[total];
        Array.Fill(_latency, double.NaN);

        using var viewer = new VigiaApiClient(server.Address, server.AdminKey);
        using var stream = await viewer.OpenStreamAsync("api/v1/stream", cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscriber = Task.Run(() => SubscribeAsync(stream, stop.Token), stop.Token);

        // Sensor times are whole milliseconds from now, so the server's timestamps round-trip exactly.
        var start = DateTimeOffset.UtcNow;
        _firstSensorTicks = start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerMillisecond);
        var before = PrometheusText.Empty;
        var acks = new LatencySample();
        var inFlight = new List<Task>(total);
        long failed = 0;
        using var batch = new ObservationBatchWriter();
        var wall = Stopwatch.StartNew();
        for (var k = 0; k < total; k++)
        {
            if (k == warmUpBatches)
            {
                before = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
            }

            var body = Build(batch, k);
            var due = TimeSpan.FromTicks(k * BatchIntervalTicks) - wall.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }

            var sent = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                _sentAt[k] = sent;
                _sent = k + 1;
            }

            var measured = k >= warmUpBatches;
            inFlight.Add(PostAsync(sensors.Clients[k % sensors.Clients.Length], body, sent, measured ? acks : null, () => Interlocked.Increment(ref failed), cancellationToken));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        var drain = Stopwatch.StartNew();
        while (Volatile.Read(ref _delivered) < total && drain.Elapsed < DrainTimeout && !subscriber.IsCompleted)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        var seconds = wall.Elapsed.TotalSeconds;
        var after = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await subscriber.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        var endToEnd = new LatencySample();
        var undelivered = 0;
        lock (_gate)
        {
            for (var k = warmUpBatches; k < total; k++)
            {
                if (double.IsNaN(_latency[k]))
                {
                    undelivered++;
                }
                else
                {
                    endToEnd.Add(_latency[k]);
                }
            }
        }

        return new Result(seconds, total, measuredBatches, undelivered, endToEnd, acks, failed, before, after);
    }

    private ReadOnlyMemory<byte> Build(ObservationBatchWriter batch, int k)
    {
        batch.Reset();
        var sensorTime = new DateTimeOffset(_firstSensorTicks + (k * BatchIntervalTicks), TimeSpan.Zero);
        var seconds = benchClock.Elapsed.TotalSeconds;
        var sensorId = sensors.Ids[k % sensors.Ids.Length];
        var first = k % (BenchSettings.Targets / BenchSettings.LatencyBatch) * BenchSettings.LatencyBatch;
        for (var i = 0; i < BenchSettings.LatencyBatch; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"lat/{runId}/{k}/{i}");
            batch.WriteGeodetic(sensorId, id, sensorTime, targets.Position(first + i, seconds), 25, 100);
        }

        // The writer's buffer is reused: the request needs its own copy.
        return batch.Complete().ToArray();
    }

    private static async Task PostAsync(VigiaApiClient api, ReadOnlyMemory<byte> body, long sent, LatencySample? acks, Action fail, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostObservationsAsync(body, cancellationToken).ConfigureAwait(false);
            if (acks is not null)
            {
                lock (acks)
                {
                    acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }
        }
        catch (ApiFailureException)
        {
            fail();
        }
    }

    private async Task SubscribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "tracks")
            {
                var arrived = Stopwatch.GetTimestamp();
                if (MaxLastUpdate(line.AsSpan(6)) is { } newest)
                {
                    Deliver(newest, arrived);
                }
            }
            else if (line.Length == 0)
            {
                eventName = null;
            }
        }
    }

    /// <summary>Marks every sent batch with sensor time ≤ <paramref name="newest"/> as delivered at <paramref name="arrived"/>.</summary>
    private void Deliver(DateTimeOffset newest, long arrived)
    {
        var last = (int)Math.Floor((double)(newest.UtcTicks - _firstSensorTicks) / BatchIntervalTicks);
        lock (_gate)
        {
            last = Math.Min(last, _sent - 1);
            for (var k = _delivered; k <= last; k++)
            {
                _latency[k] = Stopwatch.GetElapsedTime(_sentAt[k], arrived).TotalMilliseconds;
            }

            if (last + 1 > _delivered)
            {
                Volatile.Write(ref _delivered, last + 1);
            }
        }
    }

    /// <summary>The largest <c>updated[].last_update</c> of a <c>tracks</c> event, or null if none.</summary>
    internal static DateTimeOffset? MaxLastUpdate(ReadOnlySpan<char> data)
    {
        var bytes = Encoding.UTF8.GetBytes(data.ToArray());
        var reader = new Utf8JsonReader(bytes);
        DateTimeOffset? newest = null;
        var inUpdated = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    inUpdated = reader.ValueTextEquals("updated"u8);
                    break;
                case JsonTokenType.PropertyName when inUpdated && reader.CurrentDepth == 3 && reader.ValueTextEquals("last_update"u8):
                    reader.Read();
                    if (reader.TryGetDateTimeOffset(out var t) && (newest is null || t > newest))
                    {
                        newest = t;
                    }

                    break;
            }

        }

        return newest;
    }
}
