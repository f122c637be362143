using System.ComponentModel.DataAnnotations;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// Webhook delivery settings, section <c>Vigia:Webhooks</c> (e.g. <c>Vigia__Webhooks__RequestTimeoutSeconds=5</c>).
/// Validated at start (<see cref="Validate"/>). Endpoints themselves are data, added through the API.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Vigia:Webhooks";

    /// <summary>
    /// Whether the dispatcher delivers. When false, messages still queue in the outbox, and the dispatcher still
    /// dead-letters them as they expire and deletes the history after <see cref="HistoryRetentionDays"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the outbox is polled for due items when nothing wakes the dispatcher, seconds.</summary>
    [Range(0.01, 60.0)]
    public double PollIntervalSeconds { get; set; } = 1.0;

    /// <summary>Longest one POST may take (connect, send, answer), seconds; then it counts as a timeout and is retried.</summary>
    [Range(0.05, 60.0)]
    public double RequestTimeoutSeconds { get; set; } = 5.0;

    /// <summary>Wait before the first retry, seconds; each further retry waits twice as long (plus jitter).</summary>
    [Range(0.01, 3600.0)]
    public double FirstRetrySeconds { get; set; } = 1.0;

    /// <summary>Longest wait between retries, seconds. Retries never go past the alert's expiry whatever this says.</summary>
    [Range(0.01, 86_400.0)]
    public double MaxRetrySeconds { get; set; } = 60.0;

    /// <summary>Each wait is scaled by a random factor in [1 − f, 1 + f], so receivers coming back are not hit in step.</summary>
    [Range(0.0, 1.0)]
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>
    /// How long a claimed item is reserved for its attempt, seconds. If the process dies mid-attempt the item falls due
    /// again when this lapses. At least twice <see cref="RequestTimeoutSeconds"/>: an item is claimed only into a free
    /// delivery slot, so its POST starts at once, and the lease covers the request timeout and the write of its outcome.
    /// </summary>
    [Range(0.1, 3600.0)]
    public double LeaseSeconds { get; set; } = 60.0;

    /// <summary>Most items claimed at once for one endpoint (never more than it has free delivery slots).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// Most POSTs in flight at once to ONE endpoint. Each endpoint has its own slots, so one that never answers holds
    /// back only its own messages.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>Delivered and dead items (with their attempts) are deleted this many days after they finished; 0 keeps them.</summary>
    [Range(0, 36_500)]
    public int HistoryRetentionDays { get; set; } = 30;

    /// <summary>The cross-field rules the attributes cannot say; null when they hold.</summary>
    public string? Validate()
    {
        if (MaxRetrySeconds < FirstRetrySeconds)
        {
            return $"{Section}:MaxRetrySeconds ({MaxRetrySeconds}) must be at least FirstRetrySeconds ({FirstRetrySeconds})";
        }

        if (LeaseSeconds < 2 * RequestTimeoutSeconds)
        {
            return $"{Section}:LeaseSeconds ({LeaseSeconds}) must be at least twice RequestTimeoutSeconds ({RequestTimeoutSeconds})";
        }

        return null;
    }
}
