using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Vigia.Cli.Bench;

/// <summary>The bench's results as a readable table or as one JSON object.</summary>
internal sealed class BenchReport(BenchSettings settings, ThroughputPhase.Result throughput, LatencyPhase.Result latency)
{
    private const double ThroughputTargetSqlite = 50_000;
    private const double ThroughputTargetPostgres = 20_000;
    private const double P50Target = 20;
    private const double P99Target = 100;

    private readonly ServerFigures _throughputServer = ServerFigures.From(throughput.Before, throughput.After);
    private readonly ServerFigures _latencyServer = ServerFigures.From(latency.Before, latency.After);

    private string Journal => settings.Postgres is null ? "sqlite" : "postgresql";

    private string Durability => settings.Postgres is null ? "SQLite WAL, synchronous=FULL" : "PostgreSQL, synchronous_commit=on";

    private double ThroughputTarget => settings.Postgres is null ? ThroughputTargetSqlite : ThroughputTargetPostgres;

    /// <summary>Writes the table.</summary>
    public void WriteText(TextWriter output)
    {
        var t = throughput;
        var l = latency;
        var e = l.EndToEnd;
        var w = new Line(output);
        w.Raw($"vigia bench pipeline: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        w.Raw($"server: vigia serve as a child process on loopback; journal {Durability} (persist before ack);");
        w.Raw("        per-client rate limit raised to 100000 req/s (--Vigia:RequestsPerSecondPerClient/RequestBurstPerClient)");
        w.Raw("");
        w.Raw($"(a) ingest throughput: {t.Clients} clients, batches of {BenchSettings.ThroughputBatch} geodetic observations, {BenchSettings.Sensors} sensors, {t.Seconds:F1} s");
        w.Row("acknowledged observations/s", $"{t.ObservationsPerSecond:N0}   (target >= {ThroughputTarget:N0}: {(t.ObservationsPerSecond >= ThroughputTarget ? "met" : "MISSED")})");
        w.Row("requests / observations", $"{t.Requests:N0} / {t.Observations:N0}");
        w.Row("request -> ack ms p50/p99/max", $"{t.Ack.Percentile(0.5):F1} / {t.Ack.Percentile(0.99):F1} / {t.Ack.Max:F1}");
        ServerRows(w, _throughputServer);
        w.Raw("");
        w.Raw($"(b) end-to-end latency: {BenchSettings.Targets} targets, {BenchSettings.Sensors} sensors, {BenchSettings.LatencyRequestsPerSecond} requests/s of {BenchSettings.LatencyBatch} = {BenchSettings.LatencyRequestsPerSecond * BenchSettings.LatencyBatch:N0} observations/s,");
        w.Raw($"    {l.BatchesMeasured} batches measured after a 1 s warm-up; send -> first 'tracks' event with last_update >= the batch's sensor time");
        w.Row("latency ms p50/p90/p99/max", $"{e.Percentile(0.5):F1} / {e.Percentile(0.9):F1} / {e.Percentile(0.99):F1} / {e.Max:F1}   (targets p50 <= {P50Target}, p99 <= {P99Target}: {(MeetsLatency ? "met" : "MISSED")})");
        w.Row("undelivered / failed batches", $"{l.Undelivered} / {l.Failed}");
        w.Row("request -> ack ms p50/p99", $"{l.Ack.Percentile(0.5):F1} / {l.Ack.Percentile(0.99):F1}");
        ServerRows(w, _latencyServer);
        w.Raw("  histogram (ms):");
        var counts = e.Histogram();
        var lower = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            var label = i < LatencySample.BucketBounds.Length ? $"{lower:0}-{LatencySample.BucketBounds[i]:0}" : $"> {lower:0}";
            var bar = e.Count == 0 ? "" : new string('#', (int)Math.Ceiling(40.0 * counts[i] / e.Count));
            w.Raw($"    {label,10} {counts[i],7}  {bar}");
            lower = i < LatencySample.BucketBounds.Length ? LatencySample.BucketBounds[i] : lower;
        }
    }

    /// <summary>Writes one JSON object.</summary>
    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("cores", Environment.ProcessorCount);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("journal", Journal);
        json.WriteString("durability", Durability);
        json.WriteString("rate_limit", "raised to 100000 requests/s per client for the bench");

        var t = throughput;
        json.WriteStartObject("throughput");
        json.WriteNumber("seconds", t.Seconds);
        json.WriteNumber("clients", t.Clients);
        json.WriteNumber("batch_size", BenchSettings.ThroughputBatch);
        json.WriteNumber("sensors", BenchSettings.Sensors);
        json.WriteNumber("requests", t.Requests);
        json.WriteNumber("observations", t.Observations);
        Number(json, "observations_per_s", t.ObservationsPerSecond);
        json.WriteNumber("target_per_s", ThroughputTarget);
        json.WriteBoolean("meets_target", t.ObservationsPerSecond >= ThroughputTarget);
        Number(json, "ack_p50_ms", t.Ack.Percentile(0.5));
        Number(json, "ack_p99_ms", t.Ack.Percentile(0.99));
        Number(json, "ack_max_ms", t.Ack.Max);
        ServerJson(json, _throughputServer);
        json.WriteEndObject();

        var l = latency;
        var e = l.EndToEnd;
        json.WriteStartObject("latency");
        json.WriteNumber("seconds", l.Seconds);
        json.WriteNumber("observations_per_s", BenchSettings.LatencyRequestsPerSecond * BenchSettings.LatencyBatch);
        json.WriteNumber("targets", BenchSettings.Targets);
        json.WriteNumber("sensors", BenchSettings.Sensors);
        json.WriteNumber("batch_size", BenchSettings.LatencyBatch);
        json.WriteNumber("batches_sent", l.BatchesSent);
        json.WriteNumber("batches_measured", l.BatchesMeasured);
        json.WriteNumber("undelivered", l.Undelivered);
        json.WriteNumber("failed", l.Failed);
        Number(json, "p50_ms", e.Percentile(0.5));
        Number(json, "p90_ms", e.Percentile(0.9));
        Number(json, "p99_ms", e.Percentile(0.99));
        Number(json, "max_ms", e.Max);
        json.WriteBoolean("meets_target", MeetsLatency);
        Number(json, "ack_p50_ms", l.Ack.Percentile(0.5));
        Number(json, "ack_p99_ms", l.Ack.Percentile(0.99));
        json.WriteStartArray("histogram");
        var counts = e.Histogram();
        for (var i = 0; i < counts.Length; i++)
        {
            json.WriteStartObject();
            if (i < LatencySample.BucketBounds.Length)
            {
                json.WriteNumber("le_ms", LatencySample.BucketBounds[i]);
            }
            else
            {
                json.WriteNull("le_ms");
            }

            json.WriteNumber("count", counts[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        ServerJson(json, _latencyServer);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private bool MeetsLatency => latency.EndToEnd.Count > 0 && latency.EndToEnd.Percentile(0.5) <= P50Target && latency.EndToEnd.Percentile(0.99) <= P99Target && latency.Undelivered == 0;

    private static void ServerRows(Line w, ServerFigures s)
    {
        if (!s.Available)
        {
            w.Raw("  (server metrics not available)");
            return;
        }

        w.Row("journal transactions", $"{s.Transactions:N0} ({(s.Transactions > 0 ? s.Rows / s.Transactions : 0):N0} rows each)");
        w.Row("journal commit ms mean/p99~", $"{s.Commit.Mean:F1} / {s.Commit.Quantile(0.99):F1}");
        w.Row("tracker steps, scan ms mean/p99~", $"{s.Scan.Count:N0}, {s.Scan.Mean:F2} / {s.Scan.Quantile(0.99):F1}");
        w.Row("server received->published ms", $"mean {s.Pipeline.Mean:F1}, p50~ {s.Pipeline.Quantile(0.5):F1}, p99~ {s.Pipeline.Quantile(0.99):F1}");
        w.Row("not tracked (queue full / late)", $"{s.DroppedQueueFull:N0} / {s.DroppedLate:N0}");
    }

    private static void ServerJson(Utf8JsonWriter json, ServerFigures s)
    {
        json.WriteStartObject("server");
        json.WriteBoolean("metrics_available", s.Available);
        json.WriteNumber("journal_transactions", s.Transactions);
        json.WriteNumber("journal_rows", s.Rows);
        Number(json, "journal_commit_mean_ms", s.Commit.Mean);
        Number(json, "journal_commit_p99_ms", s.Commit.Quantile(0.99));
        json.WriteNumber("tracker_steps", s.Scan.Count);
        Number(json, "tracker_scan_mean_ms", s.Scan.Mean);
        Number(json, "tracker_scan_p99_ms", s.Scan.Quantile(0.99));
        Number(json, "pipeline_latency_mean_ms", s.Pipeline.Mean);
        Number(json, "pipeline_latency_p50_ms", s.Pipeline.Quantile(0.5));
        Number(json, "pipeline_latency_p99_ms", s.Pipeline.Quantile(0.99));
        json.WriteNumber("dropped_queue_full", s.DroppedQueueFull);
        json.WriteNumber("dropped_late", s.DroppedLate);
        json.WriteEndObject();
    }

    /// <summary>A number, or null when it is not finite (no samples).</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Invariant-culture lines of the table.</summary>
    private sealed class Line(TextWriter output)
    {
        public void Raw(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

        public void Raw(string text) => output.WriteLine(text);

        public void Row(string label, FormattableString value) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-34} ") + value.ToString(CultureInfo.InvariantCulture));
    }
}
