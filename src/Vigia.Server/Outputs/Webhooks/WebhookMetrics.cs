using System.Diagnostics.Metrics;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// Webhook delivery instruments (meter <c>Vigia.Webhooks</c>, exported at <c>/metrics</c>): attempts by outcome,
/// dead letters by reason, attempt duration, pending items; and the same totals in process (<see cref="Snapshot"/>).
/// </summary>
/// <remarks>Thread-safety: thread-safe.</remarks>
public sealed class WebhookMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Vigia.Webhooks";

    private readonly Counter<long> _attempts;
    private readonly Counter<long> _dead;
    private readonly Histogram<double> _duration;
    private long _attemptCount;
    private long _delivered;
    private long _retried;
    private long _permanent;
    private long _expired;
    private long _orphaned;
    private long _pending;

    /// <summary>Creates the instruments.</summary>
    public WebhookMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _attempts = meter.CreateCounter<long>("vigia.webhooks.attempts", "{attempt}", "Webhook POSTs by outcome (delivered, retry, permanent)");
        _dead = meter.CreateCounter<long>("vigia.webhooks.dead_letters", "{message}", "Webhook messages given up, by reason (permanent, expired, orphaned)");
        _duration = meter.CreateHistogram<double>("vigia.webhooks.attempt.duration", "ms", "Webhook POST time");
        meter.CreateObservableGauge("vigia.webhooks.pending", () => Volatile.Read(ref _pending), "{message}", "Webhook messages waiting for delivery (as last polled)");
    }

    /// <summary>The totals since start.</summary>
    public WebhookCounters Snapshot() => new(
        Interlocked.Read(ref _attemptCount),
        Interlocked.Read(ref _delivered),
        Interlocked.Read(ref _retried),
        Interlocked.Read(ref _permanent),
        Interlocked.Read(ref _expired),
        Interlocked.Read(ref _orphaned),
        Volatile.Read(ref _pending));

    internal void Attempted(WebhookSendResult result)
    {
        Interlocked.Increment(ref _attemptCount);
        var outcome = result.Outcome switch
        {
            WebhookSendOutcome.Delivered => Count(ref _delivered, "delivered"),
            WebhookSendOutcome.Retry => Count(ref _retried, "retry"),
            _ => Count(ref _permanent, "permanent"),
        };
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _duration.Record(result.DurationMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    internal void DeadLettered(string reason, long count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        if (reason == "expired")
        {
            Interlocked.Add(ref _expired, count);
        }
        else if (reason == "orphaned")
        {
            Interlocked.Add(ref _orphaned, count);
        }

        _dead.Add(count, new KeyValuePair<string, object?>("reason", reason));
    }

    internal void SetPending(long pending) => Volatile.Write(ref _pending, pending);

    private static string Count(ref long counter, string name)
    {
        Interlocked.Increment(ref counter);
        return name;
    }
}
