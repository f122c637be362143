namespace Vigia.Storage.Webhooks;

/// <summary>What one <see cref="IWebhookOutbox.SweepWebhooksAsync"/> dead-lettered.</summary>
/// <param name="Expired">Pending items found past their expiry (<c>expired</c>).</param>
/// <param name="Orphaned">Pending items whose endpoint is disabled or gone.</param>
public sealed record WebhookSweep(int Expired, int Orphaned);
