using System.Diagnostics.Metrics;

namespace Vigia.Server.Pipeline;

/// <summary>
/// The server's OpenTelemetry instruments (meter <c>Vigia.Server</c>), exported in Prometheus format at
/// <c>/metrics</c>: ingest rate by outcome, drops, tracker scan time, end-to-end latency, queue depth.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Vigia.Server";

    private readonly Meter _meter;

    /// <summary>Creates the instruments; <paramref name="queueDepth"/> and <paramref name="subscribers"/> are read when scraped.</summary>
    public ServerMetrics(IMeterFactory meterFactory, Func<long> queueDepth, Func<int> subscribers)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Observations = _meter.CreateCounter<long>("vigia.ingest.observations", "{observation}", "Observations by outcome (accepted, duplicate, refused)");
        Dropped = _meter.CreateCounter<long>("vigia.pipeline.dropped", "{observation}", "Observations journalled but not tracked: queue full or later than the reorder window");
        ScanDuration = _meter.CreateHistogram<double>("vigia.tracker.scan.duration", "ms", "Tracker step time");
        EndToEnd = _meter.CreateHistogram<double>("vigia.pipeline.latency", "ms", "Request received to its tracks published on the stream");
        AlertLatency = _meter.CreateHistogram<double>("vigia.alerts.latency", "ms", "Observation received to the alert changes it caused handed to every output (journal and webhook outbox, stream, TAK)");
        _meter.CreateObservableGauge("vigia.pipeline.queue.depth", queueDepth, "{observation}", "Observations waiting for the tracker");
        _meter.CreateObservableGauge("vigia.stream.subscribers", subscribers, "{subscriber}", "Live stream subscribers");
    }

    /// <summary>Observations by outcome.</summary>
    public Counter<long> Observations { get; }

    /// <summary>Observations not tracked (queue full, too late).</summary>
    public Counter<long> Dropped { get; }

    /// <summary>Tracker step time, ms.</summary>
    public Histogram<double> ScanDuration { get; }

    /// <summary>Receive-to-published latency, ms.</summary>
    public Histogram<double> EndToEnd { get; }

    /// <summary>Observation received → its alert changes through every alert output, milliseconds.</summary>
    public Histogram<double> AlertLatency { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
