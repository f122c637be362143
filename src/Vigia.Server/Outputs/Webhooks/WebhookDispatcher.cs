using Microsoft.Extensions.Options;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Storage;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// Delivers the webhook outbox, each endpoint on its own. A round claims, for every endpoint with due items, at most
/// as many of its oldest due items as that endpoint has free delivery slots (<see cref="WebhookOptions.MaxConcurrentDeliveries"/>,
/// capped at <see cref="WebhookOptions.BatchSize"/>) — a lease, so a crash mid-attempt only delays them — and starts
/// their POSTs at once (<see cref="WebhookSender"/>); it does not wait for them. Each attempt is recorded with the
/// item's next state — delivered (2xx), dead (a permanent refusal), or due again after an exponential backoff with
/// jitter (<see cref="WebhookBackoff"/>) unless that would be past the alert's expiry, in which case it is dead as
/// <c>expired</c> — and its end frees the slot and starts the next round. So an endpoint that never answers holds only
/// its own slots, never another endpoint's messages, and a claimed item never waits for a slot: its lease need only
/// cover one request timeout and the write of its outcome (hence <c>LeaseSeconds ≥ 2 × RequestTimeoutSeconds</c>).
/// Rounds run every <see cref="WebhookOptions.PollIntervalSeconds"/>, at once after <see cref="Wake"/> or a finished
/// delivery, and back to back while full batches keep coming. Expired and orphaned items are swept and old history
/// deleted on the same poll, also while delivery is disabled. Nothing is held only in memory: a restart carries on
/// from the outbox.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="Wake"/> and <see cref="DispatchDueAsync"/> may be called from any thread; rounds of one
/// dispatcher should not overlap (the hosted loop never overlaps them; overlapping ones would only split the due items).
/// </remarks>
public sealed partial class WebhookDispatcher : BackgroundService
{
    /// <summary>Finished items are deleted in transactions of this many.</summary>
    private const int HistoryBatchSize = 1_000;

    private readonly IWebhookOutbox _outbox;
    private readonly WebhookOptions _options;
    private readonly WebhookSender _sender;
    private readonly WebhookBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly WebhookMetrics _metrics;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _slotsLock = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private DateTimeOffset _nextHistoryCleanup = DateTimeOffset.MinValue;

    /// <summary>Creates the dispatcher (the DI container does; see <see cref="WebhookServiceCollectionExtensions"/>).</summary>
    public WebhookDispatcher(
        IWebhookOutbox outbox,
        IHttpClientFactory httpClients,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        WebhookMetrics metrics,
        ILogger<WebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _sender = new WebhookSender(httpClients, _options, time);
        _backoff = new WebhookBackoff(_options);
    }

    /// <summary>Totals since start.</summary>
    public WebhookCounters Counters => _metrics.Snapshot();

    /// <summary>Starts a round now instead of at the next poll (call after enqueuing).</summary>
    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another caller woke it first: one pending wake is enough.
        }
        catch (ObjectDisposedException)
        {
            // A delivery that ended after the dispatcher was disposed: nothing left to wake.
        }
    }

    /// <summary>
    /// One round, waited for: claims the due items of every endpoint (up to its free slots) and attempts each once.
    /// Returns the number of items claimed.
    /// </summary>
    /// <exception cref="JournalException">The outbox could not be read or claimed.</exception>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var round = await StartRoundAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(round.Deliveries).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return round.Claimed;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled(_logger);
        }

        var poll = TimeSpan.FromSeconds(_options.PollIntervalSeconds);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                if (_options.Enabled)
                {
                    var round = await StartRoundAsync(stoppingToken).ConfigureAwait(false);
                    running.RemoveAll(t => t.IsCompleted);
                    running.AddRange(round.Deliveries);
                    more = round.More;
                }
                else
                {
                    // Nothing is sent, but queued messages still expire and finished ones are still deleted.
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }

                await CleanUpHistoryAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (JournalException e)
            {
                LogJournalFailed(_logger, e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Contained here: a bug in one round must not stop the host (a faulted BackgroundService would).
                LogRoundFailed(_logger, e);
            }

            if (!more)
            {
                try
                {
                    await _wake.WaitAsync(poll, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        // The deliveries in flight end promptly (their token is stoppingToken); their outcomes are recorded first.
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>
    /// Sweeps (at most once a poll), then claims for each endpoint with due items as many as it has free slots and
    /// starts their deliveries without waiting for them.
    /// </summary>
    private async Task<Round> StartRoundAsync(CancellationToken cancellationToken)
    {
        if (!await SweepAsync(cancellationToken).ConfigureAwait(false))
        {
            return Round.Empty;
        }

        var lease = TimeSpan.FromSeconds(_options.LeaseSeconds);
        var deliveries = new List<Task>();
        var claimed = 0;
        var more = false;
        foreach (var endpoint in await _outbox.ListDueWebhookEndpointsAsync(Now(), cancellationToken).ConfigureAwait(false))
        {
            int free;
            lock (_slotsLock)
            {
                free = _options.MaxConcurrentDeliveries - _inFlight.GetValueOrDefault(endpoint);
            }

            var limit = Math.Min(free, _options.BatchSize);
            if (limit <= 0)
            {
                continue;
            }

            var items = await _outbox.ClaimDueWebhooksForEndpointAsync(endpoint, Now(), lease, limit, cancellationToken).ConfigureAwait(false);
            claimed += items.Count;
            more |= items.Count == limit && limit < free;
            foreach (var item in items)
            {
                lock (_slotsLock)
                {
                    _inFlight[endpoint] = _inFlight.GetValueOrDefault(endpoint) + 1;
                }

                deliveries.Add(RunDeliveryAsync(item, cancellationToken));
            }
        }

        return new Round(deliveries, claimed, more);
    }

    /// <summary>
    /// Counts the pending items (the gauge); if there are any, dead-letters the expired and orphaned ones, at most once a
    /// poll. Returns whether any item is pending.
    /// </summary>
    private async Task<bool> SweepAsync(CancellationToken cancellationToken)
    {
        var pending = await _outbox.CountWebhooksAsync(WebhookOutboxState.Pending, cancellationToken).ConfigureAwait(false);
        _metrics.SetPending(pending);
        var wall = _time.GetUtcNow();
        if (pending == 0 || wall < _nextSweep)
        {
            return pending > 0;
        }

        _nextSweep = wall.AddSeconds(_options.PollIntervalSeconds);
        var sweep = await _outbox.SweepWebhooksAsync(Timestamp.FromDateTimeOffset(wall), cancellationToken).ConfigureAwait(false);
        _metrics.DeadLettered("expired", sweep.Expired);
        _metrics.DeadLettered("orphaned", sweep.Orphaned);
        if (sweep.Expired + sweep.Orphaned > 0)
        {
            LogSwept(_logger, sweep.Expired, sweep.Orphaned);
        }

        return pending > sweep.Expired + sweep.Orphaned;
    }

    /// <summary>One delivery in its slot: never throws; frees the slot and wakes the loop when done.</summary>
    private async Task RunDeliveryAsync(ClaimedWebhook claimed, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await DeliverAsync(claimed, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-attempt: the claim stands until its lease lapses; the item is attempted again then.
        }
        catch (Exception e)
        {
            LogRoundFailed(_logger, e);
        }
        finally
        {
            var endpoint = claimed.Item.EndpointId;
            lock (_slotsLock)
            {
                var left = _inFlight.GetValueOrDefault(endpoint) - 1;
                if (left > 0)
                {
                    _inFlight[endpoint] = left;
                }
                else
                {
                    _inFlight.Remove(endpoint);
                }
            }

            Wake();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(ClaimedWebhook claimed, CancellationToken cancellationToken)
    {
        var item = claimed.Item;
        var wall = _time.GetUtcNow();
        var now = Timestamp.FromDateTimeOffset(wall);
        try
        {
            if (item.Expires <= now)
            {
                await DeadAsync(item, null, Expired(item.LastError), "expired", now).ConfigureAwait(false);
                return;
            }

            if (!WebhookSecret.TryParse(claimed.Secret, out var secret, out var secretError))
            {
                await DeadAsync(item, null, $"permanent: endpoint secret unusable: {secretError}", "permanent", now).ConfigureAwait(false);
                return;
            }

            var result = await _sender.SendAsync(claimed, new WebhookSigner(secret), wall, cancellationToken).ConfigureAwait(false);
            _metrics.Attempted(result);
            var attempt = new WebhookAttemptResult(now, result.StatusCode, result.Error, result.DurationMilliseconds);

            // The outcome is written even while stopping: the attempt happened and must be on record.
            switch (result.Outcome)
            {
                case WebhookSendOutcome.Delivered:
                    await _outbox.MarkWebhookDeliveredAsync(item.Id, attempt, CancellationToken.None).ConfigureAwait(false);
                    LogDelivered(_logger, item.MessageId, item.EndpointId, result.StatusCode ?? 0, item.Attempts + 1);
                    break;
                case WebhookSendOutcome.Permanent:
                    await DeadAsync(item, attempt, $"permanent: {result.Error}", "permanent", now).ConfigureAwait(false);
                    break;
                default:
                    await RetryAsync(item, attempt).ConfigureAwait(false);
                    break;
            }
        }
        catch (JournalException e)
        {
            // The claim stands until its lease lapses; the item is attempted again then.
            LogJournalFailed(_logger, e);
        }
    }

    private async Task RetryAsync(WebhookOutboxItem item, WebhookAttemptResult attempt)
    {
        var after = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
        var next = after.AddSeconds(_backoff.After(item.Attempts + 1).TotalSeconds);
        if (next >= item.Expires)
        {
            await DeadAsync(item, attempt, Expired(attempt.Error), "expired", after).ConfigureAwait(false);
            return;
        }

        await _outbox.RescheduleWebhookAsync(item.Id, attempt, next, CancellationToken.None).ConfigureAwait(false);
        LogRetrying(_logger, item.MessageId, item.EndpointId, attempt.Error ?? "", next);
    }

    private async Task DeadAsync(WebhookOutboxItem item, WebhookAttemptResult? attempt, string reason, string kind, Timestamp now)
    {
        if (await _outbox.DeadLetterWebhookAsync(item.Id, attempt, reason, now, CancellationToken.None).ConfigureAwait(false))
        {
            _metrics.DeadLettered(kind);
            LogDeadLettered(_logger, item.MessageId, item.EndpointId, reason);
        }
    }

    private async Task CleanUpHistoryAsync(CancellationToken cancellationToken)
    {
        var wall = _time.GetUtcNow();
        if (_options.HistoryRetentionDays <= 0 || wall < _nextHistoryCleanup)
        {
            return;
        }

        _nextHistoryCleanup = wall.AddHours(1);
        var cutoff = Timestamp.FromDateTimeOffset(wall.AddDays(-_options.HistoryRetentionDays));
        var deleted = await _outbox.DeleteWebhookHistoryAsync(cutoff, HistoryBatchSize, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogHistoryDeleted(_logger, deleted, _options.HistoryRetentionDays);
        }
    }

    /// <summary>What one round started.</summary>
    private sealed record Round(IReadOnlyList<Task> Deliveries, int Claimed, bool More)
    {
        public static readonly Round Empty = new([], 0, false);
    }

    private static string Expired(string? lastError) => lastError is null ? "expired" : $"expired; last error: {lastError}";

    private Timestamp Now() => Timestamp.FromDateTimeOffset(_time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery is disabled (Vigia:Webhooks:Enabled=false); messages stay in the outbox until they expire")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {MessageId} delivered to {Endpoint}: HTTP {Status} at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string messageId, string endpoint, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {MessageId} to {Endpoint} failed ({Error}); next attempt at {Next}")]
    private static partial void LogRetrying(ILogger logger, string messageId, string endpoint, string error, Timestamp next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {MessageId} to {Endpoint} dead-lettered: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook outbox: {Expired} expired and {Orphaned} orphaned messages dead-lettered")]
    private static partial void LogSwept(ILogger logger, int expired, int orphaned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook outbox unavailable; retrying at the next round")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery round failed; retrying at the next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook history: {Deleted} finished messages older than {Days} days deleted")]
    private static partial void LogHistoryDeleted(ILogger logger, long deleted, int days);
}
