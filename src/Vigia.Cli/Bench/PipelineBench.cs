using System.Diagnostics;
using System.Globalization;

namespace Vigia.Cli.Bench;

/// <summary>
/// <c>vigia bench pipeline</c>: starts the real server, registers the bench's sensors, runs the throughput
/// phase, lets the tracker queue drain, runs the latency phase, and stops the server.
/// </summary>
internal sealed class PipelineBench(BenchSettings settings, TextWriter progress)
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    /// <summary>Runs both phases and returns the report.</summary>
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        progress.WriteLine($"bench: starting vigia serve ({(settings.Postgres is null ? "SQLite" : "PostgreSQL")} journal) ...");
        var server = await BenchServer.StartAsync(settings, runId, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            using var sensors = await BenchSensors.RegisterAsync(server, runId, cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var targets = new TargetField(BenchSettings.Origin);

            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: (a) ingest throughput, {settings.Clients} clients, {settings.Seconds:F0} s ..."));
            var throughput = await new ThroughputPhase(settings, server, sensors, targets, clock, runId).RunAsync(cancellationToken).ConfigureAwait(false);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: (a) {throughput.ObservationsPerSecond:N0} observations/s acknowledged; waiting for the tracker queue to drain ..."));
            await DrainAsync(server, cancellationToken).ConfigureAwait(false);

            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: (b) end-to-end latency at 10,000 observations/s, 1 s warm-up + {settings.Seconds:F0} s ..."));
            var latency = await new LatencyPhase(settings, server, sensors, targets, clock, runId).RunAsync(cancellationToken).ConfigureAwait(false);
            return new BenchReport(settings, throughput, latency);
        }
    }

    /// <summary>Waits until the server's tracker queue is empty (so phase (b) does not start behind phase (a)'s backlog).</summary>
    private async Task DrainAsync(BenchServer server, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < DrainLimit)
        {
            var metrics = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
            if (!metrics.Has("vigia_pipeline_queue_depth") || metrics.Sum("vigia_pipeline_queue_depth") == 0)
            {
                return;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        progress.WriteLine("bench: the tracker queue did not drain within 60 s; measuring latency anyway");
    }
}
