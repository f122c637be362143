using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Vigia.Cli.Bench;

/// <summary>
/// The results of <c>vigia bench alerts</c> as a table or one JSON object: per output (webhook, CoT, CAP), the
/// latency from posting the observations that triggered each alert version to the version's arrival there.
/// </summary>
/// <remarks>
/// Which batch triggered a version is bracketed, not guessed. The version's time is its tracker step's, the
/// newest sensor time in the step: the batch at that time is the LAST that can have caused it (the "from step
/// end" figures, a lower bound). The step before it, read from the track stream, had already taken every batch up
/// to its own time: the batch after that is the FIRST that can have caused it (the headline figures, an upper
/// bound). When the tracker takes one batch per step the two agree.
/// </remarks>
internal sealed class AlertsReport
{
    /// <summary>The issue's target: observation in → CAP/webhook/CoT out, p99 ≤ 1 s at 10,000 observations/s.</summary>
    public const double P99TargetMilliseconds = 1_000;

    private readonly AlertsBenchSettings _settings;
    private readonly AlertsLoad.Result _load;
    private readonly Deliveries _deliveries;
    private readonly ServerFigures _server;
    private readonly HistogramDelta _serverAlertLatency;
    private readonly Dictionary<AlertOutputKind, LatencySample> _latency = [];
    private readonly Dictionary<AlertOutputKind, LatencySample> _fromStepEnd = [];
    private readonly LatencySample _stepSpan = new();
    private readonly LatencySample _capLater = new();
    private readonly Dictionary<AlertOutputKind, int> _missing = [];

    public AlertsReport(AlertsBenchSettings settings, AlertsLoad.Result load, IReadOnlyList<AlertArrivals.Version> versions, DateTimeOffset[] steps, Deliveries deliveries, ServerFigures server, HistogramDelta serverAlertLatency)
    {
        _settings = settings;
        _load = load;
        _deliveries = deliveries;
        _server = server;
        _serverAlertLatency = serverAlertLatency;
        foreach (var output in Enum.GetValues<AlertOutputKind>())
        {
            _latency[output] = new LatencySample();
            _fromStepEnd[output] = new LatencySample();
            _missing[output] = 0;
        }

        Array.Sort(steps);

        foreach (var v in versions)
        {
            var k = v.Time is { } time ? load.BatchAt(time) : -1;
            if (k < 0)
            {
                // Made at wall-clock time with no picture (an idle evaluation after the load): no observation caused it.
                Unattributed++;
                continue;
            }

            Versions++;
            var first = FirstPossibleBatch(load, steps, v.Time!.Value, k);
            _stepSpan.Add(k - first + 1);
            Add(AlertOutputKind.Webhook, v.Webhook, load.SentAt[first], load.SentAt[k]);
            Add(AlertOutputKind.Cot, v.Cot, load.SentAt[first], load.SentAt[k]);
            Add(AlertOutputKind.Cap, v.Cap, load.SentAt[first], load.SentAt[k]);
            if (v.Number > 1 && v.Cap is { } cap)
            {
                _capLater.Add(Stopwatch.GetElapsedTime(load.SentAt[first], cap).TotalMilliseconds);
            }
        }
    }

    /// <summary>What the receivers counted.</summary>
    internal sealed record Deliveries(long WebhooksVerified, long WebhooksRejected, long CotDatagrams, long CotAlertEvents, long CapRequests, long CapFailures);

    /// <summary>Alert versions traced to a posted batch.</summary>
    public int Versions { get; }

    /// <summary>Versions whose time is no batch's (made by the alert loop's idle evaluation).</summary>
    public int Unattributed { get; }

    /// <summary>The latencies measured for one output, ms.</summary>
    public LatencySample Latency(AlertOutputKind output) => _latency[output];

    /// <summary>Whether every output's p99 is within the target, with every version delivered by webhook and CoT.</summary>
    public bool MeetsTarget => Versions > 0
        && Enum.GetValues<AlertOutputKind>().All(o => _latency[o].Count > 0 && _latency[o].Percentile(0.99) <= P99TargetMilliseconds)
        && _missing[AlertOutputKind.Webhook] == 0 && _missing[AlertOutputKind.Cot] == 0;

    /// <summary>Writes the table.</summary>
    public void WriteText(TextWriter output)
    {
        var w = (string text) => output.WriteLine(text);
        w($"vigia bench alerts: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        w("server: vigia serve as a child process on loopback; SQLite journal (WAL, synchronous=FULL); TAK UDP unicast to 127.0.0.1");
        w(Invariant($"load: {_settings.ObservationsPerSecond:N0} background observations/s (500 targets, 10 sensors, batches of {AlertsBenchSettings.Batch}) for {_load.Seconds:F1} s,"));
        w(Invariant($"      + {_load.IntruderObservations:N0} intruder observations (an intruder every {_settings.IntruderIntervalSeconds:F1} s through each of {AlertsScenario.ZoneCount} zones); {_load.Observations:N0} posted, {_load.Failed} batches failed"));
        w(Invariant($"alert versions traced to a posted batch: {Versions} (+{Unattributed} made without a new observation, not timed)"));
        w("latency = (arrival at the bench) - (posting of the first batch that can have caused the version: the one after");
        w(Invariant($"          the previous tracker step, from the track stream; upper bound). Steps took {_stepSpan.Percentile(0.5):F0} batch(es) at p50, {_stepSpan.Max:F0} at most."));
        w(Invariant($"  {"output",-10} {"count",6} {"missing",8} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"max ms",9}   from step end: p50 / p99 ms"));
        foreach (var o in Enum.GetValues<AlertOutputKind>())
        {
            var s = _latency[o];
            var e = _fromStepEnd[o];
            w(Invariant($"  {Name(o),-10} {s.Count,6} {_missing[o],8} {s.Percentile(0.5),9:F1} {s.Percentile(0.95),9:F1} {s.Percentile(0.99),9:F1} {s.Max,9:F1}   {e.Percentile(0.5),13:F1} / {e.Percentile(0.99):F1}"));
        }

        w(Invariant($"  target p99 <= {P99TargetMilliseconds:F0} ms for every output: {(MeetsTarget ? "met" : "MISSED")}"));
        w(Invariant($"CAP: /cap/{{identifier}}.xml asked for each known alert's next version every {_settings.CapPollMilliseconds} ms, /cap/feed.atom read every {_settings.CapFeedMilliseconds} ms"));
        w(Invariant($"     ({_deliveries.CapRequests:N0} requests, {_deliveries.CapFailures} failed). The interval bounds the resolution; version 1 of an alert is asked for only"));
        w(Invariant($"     once the alert is known (feed, webhook or CoT): an upper bound. Versions >= 2 alone: {_capLater.Count} p50 / p99 / max {_capLater.Percentile(0.5):F1} / {_capLater.Percentile(0.99):F1} / {_capLater.Max:F1} ms"));
        w(Invariant($"webhooks: {_deliveries.WebhooksVerified} deliveries with a valid Standard Webhooks signature, {_deliveries.WebhooksRejected} rejected"));
        w(Invariant($"CoT: {_deliveries.CotAlertEvents} alert events among {_deliveries.CotDatagrams:N0} datagrams (the rest are tracks)"));
        w(Invariant($"server vigia.alerts.latency (received -> handed to every output) ms p50~/p99~: {_serverAlertLatency.Quantile(0.5):F1} / {_serverAlertLatency.Quantile(0.99):F1} over {_serverAlertLatency.Count:N0} batches of changes"));
        w(Invariant($"server received->published ms p50~/p99~: {_server.Pipeline.Quantile(0.5):F1} / {_server.Pipeline.Quantile(0.99):F1}; not tracked (queue full / late): {_server.DroppedQueueFull:N0} / {_server.DroppedLate:N0}"));
        w(Invariant($"server journal commit ms mean/p99~: {_server.Commit.Mean:F1} / {_server.Commit.Quantile(0.99):F1}; tracker scan ms mean/p99~: {_server.Scan.Mean:F2} / {_server.Scan.Quantile(0.99):F1}"));
    }

    /// <summary>Writes one JSON object.</summary>
    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("cores", Environment.ProcessorCount);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteNumber("seconds", Math.Round(_load.Seconds, 3));
        json.WriteNumber("observations_per_s", _settings.ObservationsPerSecond);
        json.WriteNumber("observations", _load.Observations);
        json.WriteNumber("intruder_observations", _load.IntruderObservations);
        json.WriteNumber("failed_batches", _load.Failed);
        json.WriteNumber("intruder_interval_s", _settings.IntruderIntervalSeconds);
        json.WriteNumber("versions", Versions);
        json.WriteNumber("unattributed_versions", Unattributed);
        Number(json, "step_span_batches_p50", _stepSpan.Percentile(0.5));
        Number(json, "step_span_batches_max", _stepSpan.Max);
        json.WriteNumber("cap_poll_ms", _settings.CapPollMilliseconds);
        json.WriteNumber("cap_feed_ms", _settings.CapFeedMilliseconds);
        json.WriteNumber("target_p99_ms", P99TargetMilliseconds);
        json.WriteBoolean("meets_target", MeetsTarget);
        json.WriteStartObject("outputs");
        foreach (var o in Enum.GetValues<AlertOutputKind>())
        {
            var s = _latency[o];
            json.WriteStartObject(Name(o));
            json.WriteNumber("count", s.Count);
            json.WriteNumber("missing", _missing[o]);
            Number(json, "p50_ms", s.Percentile(0.5));
            Number(json, "p95_ms", s.Percentile(0.95));
            Number(json, "p99_ms", s.Percentile(0.99));
            Number(json, "max_ms", s.Max);
            Number(json, "from_step_end_p50_ms", _fromStepEnd[o].Percentile(0.5));
            Number(json, "from_step_end_p99_ms", _fromStepEnd[o].Percentile(0.99));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteNumber("webhooks_verified", _deliveries.WebhooksVerified);
        json.WriteNumber("webhooks_rejected", _deliveries.WebhooksRejected);
        json.WriteNumber("cot_datagrams", _deliveries.CotDatagrams);
        json.WriteNumber("cot_alert_events", _deliveries.CotAlertEvents);
        json.WriteNumber("cap_requests", _deliveries.CapRequests);
        json.WriteNumber("cap_failures", _deliveries.CapFailures);
        json.WriteStartObject("cap_later_versions");
        json.WriteNumber("count", _capLater.Count);
        Number(json, "p50_ms", _capLater.Percentile(0.5));
        Number(json, "p99_ms", _capLater.Percentile(0.99));
        Number(json, "max_ms", _capLater.Max);
        json.WriteEndObject();
        json.WriteStartObject("server");
        json.WriteBoolean("metrics_available", _server.Available);
        Number(json, "alerts_latency_p50_ms", _serverAlertLatency.Quantile(0.5));
        Number(json, "alerts_latency_p99_ms", _serverAlertLatency.Quantile(0.99));
        Number(json, "pipeline_latency_p50_ms", _server.Pipeline.Quantile(0.5));
        Number(json, "pipeline_latency_p99_ms", _server.Pipeline.Quantile(0.99));
        Number(json, "journal_commit_mean_ms", _server.Commit.Mean);
        Number(json, "journal_commit_p99_ms", _server.Commit.Quantile(0.99));
        Number(json, "tracker_scan_mean_ms", _server.Scan.Mean);
        Number(json, "tracker_scan_p99_ms", _server.Scan.Quantile(0.99));
        json.WriteNumber("dropped_queue_full", _server.DroppedQueueFull);
        json.WriteNumber("dropped_late", _server.DroppedLate);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The batch after the last step before <paramref name="time"/> (batch <paramref name="k"/> when no step is known before it).</summary>
    private static int FirstPossibleBatch(AlertsLoad.Result load, DateTimeOffset[] steps, DateTimeOffset time, int k)
    {
        var i = Array.BinarySearch(steps, time);
        var before = (i >= 0 ? i : ~i) - 1;
        if (before < 0)
        {
            return k;
        }

        var previous = (int)Math.Floor((double)(steps[before].UtcTicks - load.FirstSensorTicks) / load.BatchIntervalTicks);
        return Math.Clamp(previous + 1, 0, k);
    }

    private void Add(AlertOutputKind output, long? arrived, long firstSent, long lastSent)
    {
        if (arrived is { } at)
        {
            _latency[output].Add(Stopwatch.GetElapsedTime(firstSent, at).TotalMilliseconds);
            _fromStepEnd[output].Add(Stopwatch.GetElapsedTime(lastSent, at).TotalMilliseconds);
        }
        else
        {
            _missing[output]++;
        }
    }

    private static string Name(AlertOutputKind output) => output switch
    {
        AlertOutputKind.Webhook => "webhook",
        AlertOutputKind.Cot => "cot",
        _ => "cap",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
}
