using System.Diagnostics;
using System.Globalization;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Bench;

/// <summary>
/// Phase (a): sustained ingest with persist-before-ack. <see cref="BenchSettings.Clients"/> concurrent clients
/// on loopback each post batches of <see cref="BenchSettings.ThroughputBatch"/> geodetic observations (the
/// bench's targets, every id new) as fast as they are acknowledged, for the phase's seconds; the figure is
/// acknowledged observations per second of wall time, from the first request to the last acknowledgement.
/// </summary>
internal sealed class ThroughputPhase(BenchSettings settings, BenchServer server, BenchSensors sensors, TargetField targets, Stopwatch benchClock, string runId)
{
    /// <summary>What the phase measured.</summary>
    internal sealed record Result(int Clients, double Seconds, long Requests, long Observations, double ObservationsPerSecond, LatencySample Ack, PrometheusText Before, PrometheusText After);

    /// <summary>Runs the phase.</summary>
    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var before = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
        var acks = new LatencySample[settings.Clients];
        var requests = new long[settings.Clients];
        var observations = new long[settings.Clients];
        var wall = Stopwatch.StartNew();
        var stopAt = TimeSpan.FromSeconds(settings.Seconds);
        var workers = new Task[settings.Clients];
        for (var c = 0; c < workers.Length; c++)
        {
            var client = c;
            acks[c] = new LatencySample();
            workers[c] = Task.Run(() => ClientLoopAsync(client, wall, stopAt, acks[client], requests, observations, cancellationToken), cancellationToken);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = wall.Elapsed.TotalSeconds;
        var after = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
        var all = new LatencySample();
        foreach (var sample in acks)
        {
            all.AddAll(sample);
        }

        var total = observations.Sum();
        return new Result(settings.Clients, elapsed, requests.Sum(), total, total / elapsed, all, before, after);
    }

    private async Task ClientLoopAsync(int client, Stopwatch wall, TimeSpan stopAt, LatencySample acks, long[] requests, long[] observations, CancellationToken cancellationToken)
    {
        using var batch = new ObservationBatchWriter();
        var api = sensors.Clients[client % sensors.Clients.Length];
        var sensorId = sensors.Ids[client % sensors.Ids.Length];
        for (var sequence = 0; wall.Elapsed < stopAt; sequence++)
        {
            batch.Reset();
            var seconds = benchClock.Elapsed.TotalSeconds;
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < BenchSettings.ThroughputBatch; i++)
            {
                var target = i % BenchSettings.Targets;
                var id = string.Create(CultureInfo.InvariantCulture, $"tp/{runId}/{client}/{sequence}/{i}");
                batch.WriteGeodetic(sensorId, id, now, targets.Position(target, seconds), 25, 100);
            }

            var sent = Stopwatch.GetTimestamp();
            var outcome = await api.PostObservationsAsync(batch.Complete(), cancellationToken).ConfigureAwait(false);
            acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            requests[client]++;
            observations[client] += outcome.Items - outcome.Duplicates;
        }
    }
}
