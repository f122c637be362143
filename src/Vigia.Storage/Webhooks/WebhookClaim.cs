namespace Vigia.Storage.Webhooks;

/// <summary>What one <see cref="IWebhookOutbox.ClaimDueWebhooksAsync"/> did.</summary>
/// <param name="Items">The items claimed (the oldest due, listed in enqueue order); each is the caller's until its claim lapses.</param>
/// <param name="Expired">Pending items found past their expiry and dead-lettered (<c>expired</c>) instead.</param>
/// <param name="Orphaned">Pending items whose endpoint is disabled or gone, dead-lettered instead.</param>
public sealed record WebhookClaim(IReadOnlyList<ClaimedWebhook> Items, int Expired, int Orphaned);
