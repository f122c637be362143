using System.Data;
using System.Data.Common;
using Vigia.Core.Time;
using Vigia.Storage.Alerts;
using Vigia.Storage.Webhooks;

namespace Vigia.Storage.Ado;

/// <summary>
/// Webhook endpoints and the transactional outbox (<see cref="IWebhookOutbox"/>). The same SQL runs on SQLite and
/// PostgreSQL: <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> for idempotent fan-out, and a claim that is one
/// <c>UPDATE … WHERE id IN (due ids) AND still due RETURNING …</c>, which PostgreSQL re-checks under the row lock so two
/// claimers never take the same item.
/// </summary>
internal abstract partial class AdoJournal : IWebhookOutbox
{
    private const string EndpointDisabledReason = "endpoint disabled";
    private const string EndpointGoneReason = "endpoint disabled or removed";

    /// <inheritdoc />
    public Task<bool> AddWebhookEndpointAsync(WebhookEndpoint endpoint, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(endpoint.Id);
        ArgumentException.ThrowIfNullOrEmpty(endpoint.Url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return WriteAsync("adding a webhook endpoint", async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand(
                transaction,
                $"INSERT INTO webhook_endpoints ({WebhookRows.EndpointColumns}, secret) VALUES (@id, @url, @d, @min, @c, @off, @secret) ON CONFLICT DO NOTHING");
            command.Add("@id", DbType.String, endpoint.Id);
            command.Add("@url", DbType.String, endpoint.Url);
            command.Add("@d", DbType.String, endpoint.Description ?? "");
            command.Add("@min", DbType.Int32, endpoint.MinLevel);
            command.Add("@c", DbType.Int64, endpoint.Created.UnixNanoseconds);
            command.Add("@off", DbType.Int64, Nanos(endpoint.Disabled));
            command.Add("@secret", DbType.String, secret);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookEndpoint>> ListWebhookEndpointsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WebhookEndpoint>>("listing webhook endpoints", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(
                null, $"SELECT {WebhookRows.EndpointColumns} FROM webhook_endpoints ORDER BY id{OrdinalCollation}");
            return await ReadAllAsync(command, WebhookRows.ReadEndpoint, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DisableWebhookEndpointAsync(string endpointId, Timestamp time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpointId);
        return WriteAsync("disabling a webhook endpoint", async (connection, transaction, ct) =>
        {
            await using (var disable = connection.CreateCommand(
                transaction, "UPDATE webhook_endpoints SET disabled_ns = @t WHERE id = @id AND disabled_ns IS NULL"))
            {
                disable.Add("@t", DbType.Int64, time.UnixNanoseconds);
                disable.Add("@id", DbType.String, endpointId);
                if (await disable.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                {
                    return false;
                }
            }

            await using var dead = connection.CreateCommand(
                transaction, "UPDATE webhook_outbox SET state = 2, last_error = @why, finished_ns = @t WHERE endpoint_id = @id AND state = 0");
            dead.Add("@why", DbType.String, EndpointDisabledReason);
            dead.Add("@t", DbType.Int64, time.UnixNanoseconds);
            dead.Add("@id", DbType.String, endpointId);
            await dead.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> EnqueueWebhookAsync(WebhookMessage message, CancellationToken cancellationToken = default)
    {
        ThrowIfBadMessage(message);
        return WriteAsync("enqueuing a webhook", (connection, transaction, ct) => EnqueueWebhookCoreAsync(connection, transaction, message, ct), cancellationToken);
    }

    /// <summary>
    /// Enqueues <paramref name="message"/> for its endpoints inside <paramref name="transaction"/>: for an append that must
    /// record an alert event and its webhooks atomically (call it from that append's <see cref="WriteAsync{T}"/> body).
    /// Returns the number of items added.
    /// </summary>
    internal static async Task<int> EnqueueWebhookCoreAsync(DbConnection connection, DbTransaction transaction, WebhookMessage message, CancellationToken cancellationToken)
    {
        ThrowIfBadMessage(message);

        // The WHERE clause also settles SQLite's parsing ambiguity between INSERT … SELECT and the upsert clause.
        await using var command = connection.CreateCommand(
            transaction,
            """
            INSERT INTO webhook_outbox (message_id, endpoint_id, event_type, payload, created_ns, expires_ns, next_attempt_ns, attempts, state)
            SELECT @m, id, @type, @payload, @c, @e, @c, 0, 0 FROM webhook_endpoints WHERE disabled_ns IS NULL AND min_level <= @level
            ON CONFLICT DO NOTHING
            """);
        command.Add("@m", DbType.String, message.MessageId);
        command.Add("@type", DbType.String, message.EventType);
        command.Add("@payload", DbType.String, message.Payload);
        command.Add("@c", DbType.Int64, message.Created.UnixNanoseconds);
        command.Add("@e", DbType.Int64, message.Expires.UnixNanoseconds);
        command.Add("@level", DbType.Int32, message.Level);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> AppendAlertEventsWithWebhooksAsync(
        IReadOnlyList<AlertEventRecord> events, IReadOnlyList<WebhookMessage> webhooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(webhooks);
        foreach (var message in webhooks)
        {
            ThrowIfBadMessage(message);
        }

        if (events.Count == 0 && webhooks.Count == 0)
        {
            return Task.FromResult(0);
        }

        return WriteAsync("journalling alerts with their webhooks", async (connection, transaction, ct) =>
        {
            await AppendAlertEventsCoreAsync(connection, transaction, events, ct).ConfigureAwait(false);

            var added = 0;
            foreach (var message in webhooks)
            {
                added += await EnqueueWebhookCoreAsync(connection, transaction, message, ct).ConfigureAwait(false);
            }

            return added;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WebhookClaim> ClaimDueWebhooksAsync(Timestamp now, TimeSpan lease, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        WebhookRows.ThrowIfBadLimit(limit, nameof(limit));
        var until = now.AddSeconds(lease.TotalSeconds);
        return WriteAsync("claiming due webhooks", async (connection, transaction, ct) =>
        {
            var (expired, orphaned) = await SweepCoreAsync(connection, transaction, now, ct).ConfigureAwait(false);

            List<WebhookOutboxItem> items;
            await using (var claim = connection.CreateCommand(
                transaction,
                $"""
                UPDATE webhook_outbox SET next_attempt_ns = @until
                WHERE id IN (SELECT id FROM webhook_outbox WHERE state = 0 AND next_attempt_ns <= @now ORDER BY next_attempt_ns, id LIMIT @n)
                  AND state = 0 AND next_attempt_ns <= @now
                RETURNING {WebhookRows.ItemColumns}
                """))
            {
                claim.Add("@until", DbType.Int64, until.UnixNanoseconds);
                claim.Add("@now", DbType.Int64, now.UnixNanoseconds);
                claim.Add("@n", DbType.Int64, (long)limit);
                items = await ReadAllAsync(claim, WebhookRows.ReadItem, ct).ConfigureAwait(false);
            }

            if (items.Count == 0)
            {
                return new WebhookClaim([], expired, orphaned);
            }

            var targets = new Dictionary<string, (string Url, string Secret)>(StringComparer.Ordinal);
            await using (var endpoints = connection.CreateCommand(transaction, "SELECT id, url, secret FROM webhook_endpoints WHERE disabled_ns IS NULL"))
            {
                await using var reader = await endpoints.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    targets[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
                }
            }

            // Every claimed item has an enabled endpoint: the orphan update above ran in this transaction.
            var claimed = items
                .OrderBy(i => i.Id)
                .Select(i => new ClaimedWebhook(i, targets[i.EndpointId].Url, targets[i.EndpointId].Secret))
                .ToList();
            return new WebhookClaim(claimed, expired, orphaned);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WebhookSweep> SweepWebhooksAsync(Timestamp now, CancellationToken cancellationToken = default) =>
        WriteAsync("sweeping the webhook outbox", async (connection, transaction, ct) =>
        {
            var (expired, orphaned) = await SweepCoreAsync(connection, transaction, now, ct).ConfigureAwait(false);
            return new WebhookSweep(expired, orphaned);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListDueWebhookEndpointsAsync(Timestamp now, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>("listing endpoints with due webhooks", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(
                null,
                $"""
                SELECT e.id FROM webhook_endpoints e
                WHERE e.disabled_ns IS NULL
                  AND EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.endpoint_id = e.id AND o.state = 0 AND o.next_attempt_ns <= @now)
                ORDER BY e.id{OrdinalCollation}
                """);
            command.Add("@now", DbType.Int64, now.UnixNanoseconds);
            return await ReadAllAsync(command, reader => reader.GetString(0), ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimedWebhook>> ClaimDueWebhooksForEndpointAsync(
        string endpointId, Timestamp now, TimeSpan lease, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpointId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        WebhookRows.ThrowIfBadLimit(limit, nameof(limit));
        var until = now.AddSeconds(lease.TotalSeconds);
        return WriteAsync<IReadOnlyList<ClaimedWebhook>>("claiming an endpoint's due webhooks", async (connection, transaction, ct) =>
        {
            string url, secret;
            await using (var endpoint = connection.CreateCommand(
                transaction, "SELECT url, secret FROM webhook_endpoints WHERE id = @ep AND disabled_ns IS NULL"))
            {
                endpoint.Add("@ep", DbType.String, endpointId);
                await using var reader = await endpoint.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return [];
                }

                (url, secret) = (reader.GetString(0), reader.GetString(1));
            }

            // The outer conditions are re-checked by PostgreSQL under the row lock: a row another claimer took meanwhile
            // (its next attempt moved past now) or finished is skipped.
            await using var claim = connection.CreateCommand(
                transaction,
                $"""
                UPDATE webhook_outbox SET next_attempt_ns = @until
                WHERE id IN (SELECT id FROM webhook_outbox
                             WHERE endpoint_id = @ep AND state = 0 AND next_attempt_ns <= @now AND expires_ns > @now
                             ORDER BY next_attempt_ns, id LIMIT @n)
                  AND endpoint_id = @ep AND state = 0 AND next_attempt_ns <= @now
                RETURNING {WebhookRows.ItemColumns}
                """);
            claim.Add("@until", DbType.Int64, until.UnixNanoseconds);
            claim.Add("@now", DbType.Int64, now.UnixNanoseconds);
            claim.Add("@ep", DbType.String, endpointId);
            claim.Add("@n", DbType.Int64, (long)limit);
            var items = await ReadAllAsync(claim, WebhookRows.ReadItem, ct).ConfigureAwait(false);
            return [.. items.OrderBy(i => i.Id).Select(i => new ClaimedWebhook(i, url, secret))];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkWebhookDeliveredAsync(long outboxId, WebhookAttemptResult attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return FinishAttemptAsync(
            "marking a webhook delivered",
            outboxId,
            attempt,
            "UPDATE webhook_outbox SET state = 1, attempts = attempts + 1, last_error = NULL, finished_ns = @t WHERE id = @id AND state = 0",
            command => command.Add("@t", DbType.Int64, attempt.Time.UnixNanoseconds),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RescheduleWebhookAsync(long outboxId, WebhookAttemptResult attempt, Timestamp nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return FinishAttemptAsync(
            "rescheduling a webhook",
            outboxId,
            attempt,
            "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = @why, next_attempt_ns = @next WHERE id = @id AND state = 0",
            command =>
            {
                command.Add("@why", DbType.String, attempt.Error ?? (attempt.StatusCode is { } s ? $"HTTP {s}" : "failed"));
                command.Add("@next", DbType.Int64, nextAttempt.UnixNanoseconds);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeadLetterWebhookAsync(long outboxId, WebhookAttemptResult? attempt, string reason, Timestamp time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return FinishAttemptAsync(
            "dead-lettering a webhook",
            outboxId,
            attempt,
            $"UPDATE webhook_outbox SET state = 2, attempts = attempts + {(attempt is null ? 0 : 1)}, last_error = @why, finished_ns = @t WHERE id = @id AND state = 0",
            command =>
            {
                command.Add("@why", DbType.String, reason);
                command.Add("@t", DbType.Int64, time.UnixNanoseconds);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookAttempt>> ReadWebhookAttemptsAsync(string endpointId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpointId);
        WebhookRows.ThrowIfBadLimit(limit, nameof(limit));
        return ReadAsync<IReadOnlyList<WebhookAttempt>>("reading the webhook delivery log", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(
                null,
                $"""
                SELECT {WebhookRows.AttemptColumns} FROM webhook_attempts a JOIN webhook_outbox o ON o.id = a.outbox_id
                WHERE a.endpoint_id = @ep ORDER BY a.time_ns DESC, a.id DESC LIMIT @n
                """);
            command.Add("@ep", DbType.String, endpointId);
            command.Add("@n", DbType.Int64, (long)limit);
            return await ReadAllAsync(command, WebhookRows.ReadAttempt, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookOutboxItem>> ReadWebhookOutboxAsync(string? endpointId, WebhookOutboxState? state, int limit, CancellationToken cancellationToken = default)
    {
        WebhookRows.ThrowIfBadLimit(limit, nameof(limit));
        return ReadAsync<IReadOnlyList<WebhookOutboxItem>>("reading the webhook outbox", async (connection, ct) =>
        {
            var where = (endpointId is null ? "" : " AND endpoint_id = @ep") + (state is null ? "" : " AND state = @s");
            await using var command = connection.CreateCommand(
                null, $"SELECT {WebhookRows.ItemColumns} FROM webhook_outbox WHERE 1 = 1{where} ORDER BY id DESC LIMIT @n");
            if (endpointId is not null)
            {
                command.Add("@ep", DbType.String, endpointId);
            }

            if (state is { } s)
            {
                command.Add("@s", DbType.Int32, (int)s);
            }

            command.Add("@n", DbType.Int64, (long)limit);
            return await ReadAllAsync(command, WebhookRows.ReadItem, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountWebhooksAsync(WebhookOutboxState state, CancellationToken cancellationToken = default) =>
        ReadAsync("counting webhooks", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, "SELECT COUNT(*) FROM webhook_outbox WHERE state = @s");
            command.Add("@s", DbType.Int32, (int)state);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<long> DeleteWebhookHistoryAsync(Timestamp cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        const string Batch = "SELECT id FROM webhook_outbox WHERE state <> 0 AND finished_ns < @cutoff ORDER BY id LIMIT @n";
        long total = 0;
        while (true)
        {
            var deleted = await WriteAsync("deleting old webhook history", async (connection, transaction, ct) =>
            {
                // Attempts first, by the same batch, so no attempt is left without its item.
                await using (var attempts = connection.CreateCommand(transaction, $"DELETE FROM webhook_attempts WHERE outbox_id IN ({Batch})"))
                {
                    attempts.Add("@cutoff", DbType.Int64, cutoff.UnixNanoseconds);
                    attempts.Add("@n", DbType.Int64, (long)batchSize);
                    await attempts.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using var items = connection.CreateCommand(transaction, $"DELETE FROM webhook_outbox WHERE id IN ({Batch})");
                items.Add("@cutoff", DbType.Int64, cutoff.UnixNanoseconds);
                items.Add("@n", DbType.Int64, (long)batchSize);
                return await items.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }

            await Task.Yield();
        }
    }

    /// <summary>Dead-letters the pending items past their expiry, then those without an enabled endpoint.</summary>
    private static async Task<(int Expired, int Orphaned)> SweepCoreAsync(DbConnection connection, DbTransaction transaction, Timestamp now, CancellationToken ct)
    {
        int expired, orphaned;
        await using (var expire = connection.CreateCommand(
            transaction,
            """
            UPDATE webhook_outbox
            SET state = 2, finished_ns = @now,
                last_error = CASE WHEN last_error IS NULL THEN 'expired' ELSE 'expired; last error: ' || last_error END
            WHERE state = 0 AND expires_ns <= @now
            """))
        {
            expire.Add("@now", DbType.Int64, now.UnixNanoseconds);
            expired = await expire.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var orphan = connection.CreateCommand(
            transaction,
            """
            UPDATE webhook_outbox SET state = 2, finished_ns = @now, last_error = @why
            WHERE state = 0 AND endpoint_id NOT IN (SELECT id FROM webhook_endpoints WHERE disabled_ns IS NULL)
            """))
        {
            orphan.Add("@now", DbType.Int64, now.UnixNanoseconds);
            orphan.Add("@why", DbType.String, EndpointGoneReason);
            orphaned = await orphan.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return (expired, orphaned);
    }

    private static void ThrowIfBadMessage(WebhookMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.MessageId, nameof(message));
        ArgumentException.ThrowIfNullOrEmpty(message.EventType, nameof(message));
        ArgumentNullException.ThrowIfNull(message.Payload, nameof(message));
    }

    /// <summary>Records <paramref name="attempt"/> (if any) and runs the item's state change, in one transaction.</summary>
    private Task<bool> FinishAttemptAsync(
        string operation, long outboxId, WebhookAttemptResult? attempt, string updateSql, Action<DbCommand> addParameters, CancellationToken cancellationToken) =>
        WriteAsync(operation, async (connection, transaction, ct) =>
        {
            if (attempt is not null)
            {
                await using var record = connection.CreateCommand(
                    transaction,
                    """
                    INSERT INTO webhook_attempts (outbox_id, endpoint_id, time_ns, status_code, error, duration_ms)
                    SELECT id, endpoint_id, @t, @status, @error, @ms FROM webhook_outbox WHERE id = @id
                    """);
                record.Add("@t", DbType.Int64, attempt.Time.UnixNanoseconds);
                record.Add("@status", DbType.Int32, attempt.StatusCode);
                record.Add("@error", DbType.String, attempt.Error);
                record.Add("@ms", DbType.Double, Real(attempt.DurationMilliseconds));
                record.Add("@id", DbType.Int64, outboxId);
                await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var update = connection.CreateCommand(transaction, updateSql);
            addParameters(update);
            update.Add("@id", DbType.Int64, outboxId);
            return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);
}
