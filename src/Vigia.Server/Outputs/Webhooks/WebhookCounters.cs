namespace Vigia.Server.Outputs.Webhooks;

/// <summary>Webhook delivery totals since start.</summary>
/// <param name="Attempts">POSTs made.</param>
/// <param name="Delivered">Answered 2xx.</param>
/// <param name="Retried">Failed and worth retrying (5xx, 408, 429, timeout, connection failure).</param>
/// <param name="Permanent">Refused for good (other 4xx, 3xx): dead-lettered.</param>
/// <param name="Expired">Dead-lettered because the alert expired before delivery.</param>
/// <param name="Orphaned">Dead-lettered because the endpoint was disabled or removed.</param>
/// <param name="Pending">Waiting in the outbox when last polled.</param>
public sealed record WebhookCounters(long Attempts, long Delivered, long Retried, long Permanent, long Expired, long Orphaned, long Pending);
