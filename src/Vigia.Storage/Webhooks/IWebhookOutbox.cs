using Vigia.Core.Time;
using Vigia.Storage.Alerts;

namespace Vigia.Storage.Webhooks;

/// <summary>
/// The webhook endpoints and the transactional outbox (tables <c>webhook_endpoints</c>, <c>webhook_outbox</c>,
/// <c>webhook_attempts</c>; schema version 5; version 6 widens the attempts' outbox reference to 64 bits). An alert change is enqueued once per matching endpoint in the
/// transaction that records it; delivery claims due items, attempts them and records each attempt with the item's
/// next state. Nothing is lost across a restart: pending items are rows, and a claim is a lease
/// (<see cref="WebhookOutboxItem.NextAttempt"/> pushed forward), so the claims of a process that died fall due again
/// when they lapse. The journal (<see cref="IJournal"/>) implements this interface: cast it.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be called concurrently; each call is one transaction. Concurrent claimers never
/// get the same item while its claim stands (SQLite serialises writers; PostgreSQL re-checks the row under its lock).
/// Item state changes only from <see cref="WebhookOutboxState.Pending"/>, so a late answer cannot undo a dead letter.
/// </remarks>
public interface IWebhookOutbox
{
    /// <summary>Adds an endpoint with its signing secret (stored as given; never listed); false if the id exists.</summary>
    Task<bool> AddWebhookEndpointAsync(WebhookEndpoint endpoint, string secret, CancellationToken cancellationToken = default);

    /// <summary>Every endpoint, disabled ones included, ordered by id; secrets are not read.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListWebhookEndpointsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Disables an endpoint (no new messages) and dead-letters its pending items (<c>endpoint disabled</c>) in the same
    /// transaction; false if unknown or already disabled.
    /// </summary>
    Task<bool> DisableWebhookEndpointAsync(string endpointId, Timestamp time, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enqueues <paramref name="message"/> for every enabled endpoint whose <see cref="WebhookEndpoint.MinLevel"/> it
    /// reaches, in one transaction, due at once. Idempotent on (endpoint, message id): enqueuing again adds nothing.
    /// Returns the number of items added.
    /// </summary>
    Task<int> EnqueueWebhookAsync(WebhookMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The transactional outbox proper: appends alert versions (as <see cref="IAlertStore.AppendAlertEventsAsync"/> does:
    /// a version already journalled is skipped) and enqueues <paramref name="webhooks"/> (as
    /// <see cref="EnqueueWebhookAsync"/>), all in ONE transaction, so an alert change is journalled with its webhooks or not
    /// at all. Returns the number of outbox items added.
    /// </summary>
    Task<int> AppendAlertEventsWithWebhooksAsync(
        IReadOnlyList<AlertEventRecord> events, IReadOnlyList<WebhookMessage> webhooks, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: dead-letters pending items past their expiry (<c>expired</c>) or without an enabled endpoint,
    /// then claims up to <paramref name="limit"/> pending items due at <paramref name="now"/> (oldest due first) by moving
    /// their next attempt to <paramref name="now"/> + <paramref name="lease"/>. Report each claimed item's attempt with
    /// <see cref="MarkWebhookDeliveredAsync"/>, <see cref="RescheduleWebhookAsync"/> or <see cref="DeadLetterWebhookAsync"/>
    /// before the lease ends, or it is claimed again.
    /// </summary>
    Task<WebhookClaim> ClaimDueWebhooksAsync(Timestamp now, TimeSpan lease, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Dead-letters, in one transaction, the pending items past their expiry (<c>expired</c>, keeping the last error)
    /// and those without an enabled endpoint. Delivery runs it now and then; so does a dispatcher that does not deliver,
    /// so that queued messages still expire.
    /// </summary>
    Task<WebhookSweep> SweepWebhooksAsync(Timestamp now, CancellationToken cancellationToken = default);

    /// <summary>The ids of the enabled endpoints with at least one pending item due at <paramref name="now"/>, ordered by id.</summary>
    Task<IReadOnlyList<string>> ListDueWebhookEndpointsAsync(Timestamp now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims, in one transaction, up to <paramref name="limit"/> pending items of ONE endpoint that are due at
    /// <paramref name="now"/> and not expired (oldest due first; listed in enqueue order) by moving their next attempt
    /// to <paramref name="now"/> + <paramref name="lease"/>; none if the endpoint is unknown or disabled. Claiming each
    /// endpoint on its own lets a dispatcher keep one endpoint's backlog from holding back another's messages. Report
    /// each item's attempt before the lease ends, as for <see cref="ClaimDueWebhooksAsync"/>.
    /// </summary>
    Task<IReadOnlyList<ClaimedWebhook>> ClaimDueWebhooksForEndpointAsync(
        string endpointId, Timestamp now, TimeSpan lease, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records the attempt and marks the item delivered; false (attempt still recorded) if it was no longer pending.</summary>
    Task<bool> MarkWebhookDeliveredAsync(long outboxId, WebhookAttemptResult attempt, CancellationToken cancellationToken = default);

    /// <summary>Records the failed attempt and makes the item due again at <paramref name="nextAttempt"/>; false (attempt still recorded) if it was no longer pending.</summary>
    Task<bool> RescheduleWebhookAsync(long outboxId, WebhookAttemptResult attempt, Timestamp nextAttempt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the attempt, if any, and dead-letters the item with <paramref name="reason"/> at <paramref name="time"/>;
    /// false (attempt still recorded) if it was no longer pending.
    /// </summary>
    Task<bool> DeadLetterWebhookAsync(long outboxId, WebhookAttemptResult? attempt, string reason, Timestamp time, CancellationToken cancellationToken = default);

    /// <summary>An endpoint's delivery log: its attempts, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WebhookAttempt>> ReadWebhookAttemptsAsync(string endpointId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Outbox items, newest first, at most <paramref name="limit"/>: one endpoint's or all (<paramref name="endpointId"/>
    /// null), in one state or all (<paramref name="state"/> null). The dead letters are <see cref="WebhookOutboxState.Dead"/>.
    /// </summary>
    Task<IReadOnlyList<WebhookOutboxItem>> ReadWebhookOutboxAsync(string? endpointId, WebhookOutboxState? state, int limit, CancellationToken cancellationToken = default);

    /// <summary>Number of outbox items in <paramref name="state"/> (all endpoints).</summary>
    Task<long> CountWebhooksAsync(WebhookOutboxState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes delivered and dead items finished before <paramref name="cutoff"/>, with their attempts, in transactions of
    /// at most <paramref name="batchSize"/> items. Pending items are never deleted. Returns the number of items deleted.
    /// </summary>
    Task<long> DeleteWebhookHistoryAsync(Timestamp cutoff, int batchSize, CancellationToken cancellationToken = default);
}
