using Vigia.Storage.Alerts;
using Vigia.Storage.Webhooks;
using static Vigia.Storage.Tests.Support.Build;

namespace Vigia.Storage.Tests;

/// <summary>The webhook endpoints and the transactional outbox (<see cref="IWebhookOutbox"/>), on both providers.</summary>
public abstract partial class JournalContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WebhookEndpoints_AddRefuseDuplicateListAndDisable_WithoutEverListingTheSecret()
    {
        var outbox = await OpenOutboxAsync();
        var siren = Endpoint("siren", 3, "https://sirens.example/hook", 0);
        var radio = Endpoint("Radio", 1, "http://10.0.0.5:8080/in", 1) with { Description = "comunicación \"regional\"" };

        Assert.True(await outbox.AddWebhookEndpointAsync(siren, "whsec_siren", Ct));
        Assert.True(await outbox.AddWebhookEndpointAsync(radio, "whsec_radio", Ct));
        Assert.False(await outbox.AddWebhookEndpointAsync(siren with { Url = "https://other.example" }, "whsec_other", Ct));

        Assert.Equal([radio, siren], await outbox.ListWebhookEndpointsAsync(Ct));
        Assert.Equal(1, await Target.ScalarAsync("SELECT COUNT(*) FROM webhook_endpoints WHERE id = 'siren' AND secret = 'whsec_siren'"));

        Assert.True(await outbox.DisableWebhookEndpointAsync("siren", At(9), Ct));
        Assert.False(await outbox.DisableWebhookEndpointAsync("siren", At(10), Ct));
        Assert.False(await outbox.DisableWebhookEndpointAsync("nobody", At(10), Ct));
        Assert.Equal(siren with { Disabled = At(9) }, (await outbox.ListWebhookEndpointsAsync(Ct))[1]);
    }

    [Fact]
    public async Task WebhookEnqueue_GoesToEachEnabledEndpointTheLevelReaches_OnceOnly()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("all", 1), ("warnings", 2), ("alarms", 3), ("off", 1));
        await outbox.DisableWebhookEndpointAsync("off", At(0), Ct);

        Assert.Equal(2, await outbox.EnqueueWebhookAsync(Message("msg_a", level: 2), Ct));
        Assert.Equal(0, await outbox.EnqueueWebhookAsync(Message("msg_a", level: 2), Ct));
        Assert.Equal(3, await outbox.EnqueueWebhookAsync(Message("msg_b", level: 3), Ct));
        Assert.Equal(0, await outbox.EnqueueWebhookAsync(Message("msg_c", level: 0), Ct));

        var items = await outbox.ReadWebhookOutboxAsync(null, null, 100, Ct);
        Assert.Equal(
            ["msg_a>all", "msg_a>warnings", "msg_b>alarms", "msg_b>all", "msg_b>warnings"],
            items.Select(i => $"{i.MessageId}>{i.EndpointId}").Order(StringComparer.Ordinal));
        var first = Assert.Single(items, i => i.MessageId == "msg_a" && i.EndpointId == "all");
        Assert.Equal(WebhookOutboxState.Pending, first.State);
        Assert.Equal(0, first.Attempts);
        Assert.Equal(At(1), first.NextAttempt);
        Assert.Equal(At(301), first.Expires);
        Assert.Equal("""{"type":"alert.raised","data":{"id":"msg_a","ñ":"¡sí!"}}""", first.Payload);
        Assert.Null(first.Finished);
    }

    [Fact]
    public async Task WebhookClaim_TakesDueItemsOldestFirst_WithUrlAndSecret_AndLeasesThem()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_late", level: 1, created: 5), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_early", level: 1, created: 2), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_future", level: 1, created: 50), Ct);

        var oldest = await outbox.ClaimDueWebhooksAsync(At(10), Lease, 1, Ct);
        var rest = await outbox.ClaimDueWebhooksAsync(At(11), Lease, 10, Ct);
        var again = await outbox.ClaimDueWebhooksAsync(At(11), Lease, 10, Ct);
        var afterLease = await outbox.ClaimDueWebhooksAsync(At(40), Lease, 10, Ct);

        var first = Assert.Single(oldest.Items);
        Assert.Equal("msg_early", first.Item.MessageId);
        Assert.Equal(("https://a.example/hook", "whsec_a", At(40)), (first.Url, first.Secret, first.Item.NextAttempt));
        Assert.DoesNotContain("whsec_a", first.ToString(), StringComparison.Ordinal);
        Assert.Equal("msg_late", Assert.Single(rest.Items).Item.MessageId);
        Assert.Empty(again.Items);

        // A claim that lapses (its process died) is due again; the other claim still stands.
        Assert.Equal("msg_early", Assert.Single(afterLease.Items).Item.MessageId);
        Assert.Equal(0, afterLease.Expired);
    }

    [Fact]
    public async Task WebhookAttempts_DeliveredRescheduledOrDead_AreLoggedNewestFirst_AndEndTheItem()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_ok", level: 1), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_retry", level: 1), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_gone", level: 1), Ct);
        var ids = (await outbox.ClaimDueWebhooksAsync(At(2), Lease, 10, Ct)).Items.ToDictionary(c => c.Item.MessageId, c => c.Item.Id);

        Assert.True(await outbox.MarkWebhookDeliveredAsync(ids["msg_ok"], new(At(3), 204, null, 12.5), Ct));
        Assert.True(await outbox.RescheduleWebhookAsync(ids["msg_retry"], new(At(4), 503, "HTTP 503 Service Unavailable", 1.0 / 3.0), At(6), Ct));
        Assert.True(await outbox.DeadLetterWebhookAsync(ids["msg_gone"], new(At(5), 404, "HTTP 404 Not Found", 7), "HTTP 404 Not Found (permanent)", At(5), Ct));

        // A late answer for a finished item is logged but changes nothing.
        Assert.False(await outbox.RescheduleWebhookAsync(ids["msg_ok"], new(At(7), null, "timeout after 5 s", 5000), At(9), Ct));

        var items = (await outbox.ReadWebhookOutboxAsync("a", null, 10, Ct)).ToDictionary(i => i.MessageId);
        Assert.Equal((WebhookOutboxState.Delivered, 1, null, At(3)), (items["msg_ok"].State, items["msg_ok"].Attempts, items["msg_ok"].LastError, items["msg_ok"].Finished));
        Assert.Equal((WebhookOutboxState.Pending, 1, "HTTP 503 Service Unavailable", At(6)), (items["msg_retry"].State, items["msg_retry"].Attempts, items["msg_retry"].LastError, items["msg_retry"].NextAttempt));
        Assert.Equal((WebhookOutboxState.Dead, 1, "HTTP 404 Not Found (permanent)", At(5)), (items["msg_gone"].State, items["msg_gone"].Attempts, items["msg_gone"].LastError, items["msg_gone"].Finished));
        Assert.Equal(["msg_gone"], (await outbox.ReadWebhookOutboxAsync(null, WebhookOutboxState.Dead, 10, Ct)).Select(i => i.MessageId));

        var log = await outbox.ReadWebhookAttemptsAsync("a", 10, Ct);
        Assert.Equal(["msg_ok", "msg_gone", "msg_retry", "msg_ok"], log.Select(a => a.MessageId));
        Assert.Equal((204, (string?)null, "alert.raised"), (log[3].StatusCode, log[3].Error, log[3].EventType));
        Assert.Equal((ids["msg_ok"], "a", At(3)), (log[3].OutboxId, log[3].EndpointId, log[3].Time));
        Assert.Equal(12.5, log[3].DurationMilliseconds);
        Support.BitExact.Equal(1.0 / 3.0, log[2].DurationMilliseconds, "duration");
        Assert.Equal(((int?)null, "timeout after 5 s"), (log[0].StatusCode, log[0].Error));
        Assert.Equal(2, (await outbox.ReadWebhookAttemptsAsync("a", 2, Ct)).Count);
        Assert.Empty(await outbox.ReadWebhookAttemptsAsync("b", 10, Ct));

        // The rescheduled item falls due at its next attempt, not before.
        Assert.Empty((await outbox.ClaimDueWebhooksAsync(At(5.9), Lease, 10, Ct)).Items);
        Assert.Equal("msg_retry", Assert.Single((await outbox.ClaimDueWebhooksAsync(At(6), Lease, 10, Ct)).Items).Item.MessageId);
    }

    [Fact]
    public async Task WebhookClaim_DeadLettersExpiredItems_KeepingTheirLastError()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_failing", level: 1, created: 0, expires: 20), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_unsent", level: 1, created: 0, expires: 20), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_fresh", level: 1, created: 0, expires: 100), Ct);
        var failing = (await outbox.ClaimDueWebhooksAsync(At(1), Lease, 1, Ct)).Items[0].Item.Id;
        await outbox.RescheduleWebhookAsync(failing, new(At(1), 500, "HTTP 500 Internal Server Error", 3), At(2), Ct);

        var claim = await outbox.ClaimDueWebhooksAsync(At(20), Lease, 10, Ct);

        Assert.Equal(2, claim.Expired);
        Assert.Equal("msg_fresh", Assert.Single(claim.Items).Item.MessageId);
        var dead = (await outbox.ReadWebhookOutboxAsync(null, WebhookOutboxState.Dead, 10, Ct)).ToDictionary(i => i.MessageId);
        Assert.Equal("expired; last error: HTTP 500 Internal Server Error", dead["msg_failing"].LastError);
        Assert.Equal("expired", dead["msg_unsent"].LastError);
        Assert.Equal(At(20), dead["msg_unsent"].Finished);
        Assert.Equal(2, await outbox.CountWebhooksAsync(WebhookOutboxState.Dead, Ct));
        Assert.Equal(1, await outbox.CountWebhooksAsync(WebhookOutboxState.Pending, Ct));
    }

    [Fact]
    public async Task WebhookEndpointDisabled_DeadLettersItsPendingItems_AndAClaimedOneCannotBeDelivered()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1), ("b", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_1", level: 1), Ct);
        var claimed = (await outbox.ClaimDueWebhooksAsync(At(1), Lease, 10, Ct)).Items.Single(c => c.Item.EndpointId == "a");
        await outbox.EnqueueWebhookAsync(Message("msg_2", level: 1), Ct);

        Assert.True(await outbox.DisableWebhookEndpointAsync("a", At(2), Ct));

        Assert.False(await outbox.MarkWebhookDeliveredAsync(claimed.Item.Id, new(At(3), 200, null, 4), Ct));
        var dead = await outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Dead, 10, Ct);
        Assert.Equal(["msg_2", "msg_1"], dead.Select(i => i.MessageId));
        Assert.All(dead, i => Assert.Equal("endpoint disabled", i.LastError));
        Assert.Equal(1, await outbox.EnqueueWebhookAsync(Message("msg_3", level: 3), Ct));
        Assert.Equal(3, (await outbox.ReadWebhookOutboxAsync("b", WebhookOutboxState.Pending, 10, Ct)).Count);
    }

    [Fact]
    public async Task WebhookClaimers_Concurrent_NeverTakeTheSameItem()
    {
        var all = await ClaimConcurrentlyAsync(40, async outbox => (await outbox.ClaimDueWebhooksAsync(At(10), Lease, 4, Ct)).Items.Select(c => c.Item.Id));

        Assert.Equal(120, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task WebhookPendingItems_SurviveReopeningTheJournal()
    {
        var options = Target.Options();
        await using (var journal = await Journal.OpenAsync(options, Ct))
        {
            var outbox = (IWebhookOutbox)journal;
            await AddEndpointsAsync(outbox, ("a", 1));
            await outbox.EnqueueWebhookAsync(Message("msg_1", level: 1), Ct);
            await outbox.EnqueueWebhookAsync(Message("msg_2", level: 1), Ct);
            Assert.Single((await outbox.ClaimDueWebhooksAsync(At(1), Lease, 1, Ct)).Items);
        }

        var reopened = await OpenOutboxAsync();

        Assert.Equal("msg_2", Assert.Single((await reopened.ClaimDueWebhooksAsync(At(2), Lease, 10, Ct)).Items).Item.MessageId);
        Assert.Equal("msg_1", Assert.Single((await reopened.ClaimDueWebhooksAsync(At(31), Lease, 10, Ct)).Items).Item.MessageId);
    }

    [Fact]
    public async Task DeleteWebhookHistory_RemovesOldFinishedItemsAndTheirAttempts_NeverPendingOnes()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1));
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueWebhookAsync(Message($"msg_{i}", level: 1), Ct);
        }

        var ids = (await outbox.ClaimDueWebhooksAsync(At(1), Lease, 10, Ct)).Items.Select(c => c.Item.Id).ToList();
        await outbox.MarkWebhookDeliveredAsync(ids[0], new(At(2), 200, null, 1), Ct);
        await outbox.MarkWebhookDeliveredAsync(ids[1], new(At(3), 200, null, 1), Ct);
        await outbox.DeadLetterWebhookAsync(ids[2], new(At(4), 410, "HTTP 410 Gone", 1), "HTTP 410 Gone", At(4), Ct);
        await outbox.MarkWebhookDeliveredAsync(ids[3], new(At(50), 200, null, 1), Ct);
        await outbox.RescheduleWebhookAsync(ids[4], new(At(5), 500, "HTTP 500", 1), At(6), Ct);

        Assert.Equal(3, await outbox.DeleteWebhookHistoryAsync(At(10), batchSize: 2, Ct));

        Assert.Equal(["msg_4", "msg_3"], (await outbox.ReadWebhookOutboxAsync(null, null, 10, Ct)).Select(i => i.MessageId));
        Assert.Equal(["msg_3", "msg_4"], (await outbox.ReadWebhookAttemptsAsync("a", 10, Ct)).Select(a => a.MessageId));
        Assert.Equal(2, await Target.ScalarAsync("SELECT COUNT(*) FROM webhook_attempts"));
    }

    [Fact]
    public async Task WebhookAlertEvents_AreJournalledWithTheirWebhooksInOneTransaction()
    {
        var outbox = await OpenOutboxAsync();
        var store = (IAlertStore)outbox;
        await AddEndpointsAsync(outbox, ("a", 1), ("b", 3));
        AlertEventRecord[] events =
        [
            new(0, "zone-1", 1, At(1), "raised", 2, false, "{\"v\":1}"),
            new(0, "zone-1", 2, At(2), "updated", 3, false, "{\"v\":2}"),
        ];
        WebhookMessage[] webhooks = [Message("msg_v1", level: 2, created: 1), Message("msg_v2", level: 3, created: 2)];

        Assert.Equal(3, await outbox.AppendAlertEventsWithWebhooksAsync(events, webhooks, Ct));
        Assert.Equal(0, await outbox.AppendAlertEventsWithWebhooksAsync(events, webhooks, Ct));

        Assert.Equal([1, 2], (await store.ReadAlertEventsAsync("zone-1", null, null, 10, Ct)).Select(e => e.Version));
        Assert.Equal(3, await outbox.CountWebhooksAsync(WebhookOutboxState.Pending, Ct));
    }

    [Fact]
    public async Task WebhookAlertEvents_AreNotJournalledWhenTheirWebhooksCannotBe()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1));
        await Target.ExecuteAsync("DROP TABLE webhook_outbox");

        await Assert.ThrowsAsync<JournalException>(() => outbox.AppendAlertEventsWithWebhooksAsync(
            [new(0, "zone-1", 1, At(1), "raised", 2, false, "{}")], [Message("msg_v1", level: 2)], Ct));

        Assert.Equal(0, await Target.ScalarAsync("SELECT COUNT(*) FROM alert_events"));
    }

    [Fact]
    public async Task WebhookReads_RefuseLimitsOutOfRange()
    {
        var outbox = await OpenOutboxAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ReadWebhookAttemptsAsync("a", 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ReadWebhookOutboxAsync(null, null, 10_001, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ClaimDueWebhooksAsync(At(0), TimeSpan.Zero, 10, Ct));
    }

    [Fact]
    public async Task WebhookAttempts_ForAnOutboxIdBeyond32Bits_AreLogged()
    {
        // The outbox's ids are 64-bit; its attempts' reference to them must be too (schema version 6).
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1));
        await Target.ExecuteAsync("""
            INSERT INTO webhook_outbox (id, message_id, endpoint_id, event_type, payload, created_ns, expires_ns, next_attempt_ns, attempts, state)
            VALUES (3000000000, 'msg_big', 'a', 'alert.raised', '{}', 0, 9000000000000000000, 0, 0, 0)
            """);

        Assert.True(await outbox.MarkWebhookDeliveredAsync(3_000_000_000, new(At(3), 204, null, 12.5), Ct));

        var attempt = Assert.Single(await outbox.ReadWebhookAttemptsAsync("a", 10, Ct));
        Assert.Equal((3_000_000_000L, "msg_big", 204), (attempt.OutboxId, attempt.MessageId, attempt.StatusCode));
    }

    [Fact]
    public async Task WebhookClaimForEndpoint_TakesOnlyThatEndpointsDueItems_OldestFirst_NeverExpiredOnes_AndLeasesThem()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1), ("b", 1), ("off", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_late", level: 1, created: 5), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_early", level: 1, created: 2), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_gone", level: 1, created: 1, expires: 8), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_future", level: 1, created: 50), Ct);
        await outbox.DisableWebhookEndpointAsync("off", At(3), Ct);

        var oldest = await outbox.ClaimDueWebhooksForEndpointAsync("a", At(10), Lease, 1, Ct);
        var rest = await outbox.ClaimDueWebhooksForEndpointAsync("a", At(11), Lease, 10, Ct);
        var again = await outbox.ClaimDueWebhooksForEndpointAsync("a", At(11), Lease, 10, Ct);

        var first = Assert.Single(oldest);
        Assert.Equal(("msg_early", "a"), (first.Item.MessageId, first.Item.EndpointId));
        Assert.Equal(("https://a.example/hook", "whsec_a", At(40)), (first.Url, first.Secret, first.Item.NextAttempt));
        Assert.Equal("msg_late", Assert.Single(rest).Item.MessageId);
        Assert.Empty(again);

        // The other endpoint's items were left alone; a disabled or unknown endpoint gets nothing.
        Assert.Equal(["msg_late", "msg_early"], (await outbox.ClaimDueWebhooksForEndpointAsync("b", At(11), Lease, 10, Ct)).Select(c => c.Item.MessageId));
        Assert.Empty(await outbox.ClaimDueWebhooksForEndpointAsync("off", At(11), Lease, 10, Ct));
        Assert.Empty(await outbox.ClaimDueWebhooksForEndpointAsync("nobody", At(11), Lease, 10, Ct));

        // A lapsed claim is due again (items are listed in enqueue order).
        Assert.Equal(["msg_late", "msg_early"], (await outbox.ClaimDueWebhooksForEndpointAsync("a", At(41), Lease, 10, Ct)).Select(c => c.Item.MessageId));
        Assert.Equal(2, (await outbox.ReadWebhookOutboxAsync(null, WebhookOutboxState.Pending, 10, Ct)).Count(i => i.MessageId == "msg_gone"));
    }

    [Fact]
    public async Task WebhookSweep_DeadLettersExpiredAndOrphanedItems_LeavingTheRest()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("a", 1), ("b", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_old", level: 1, created: 0, expires: 20), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_new", level: 1, created: 0, expires: 100), Ct);
        var failing = (await outbox.ClaimDueWebhooksForEndpointAsync("a", At(1), Lease, 1, Ct))[0].Item.Id;
        await outbox.RescheduleWebhookAsync(failing, new(At(1), 503, "HTTP 503 Service Unavailable", 3), At(2), Ct);
        await Target.ExecuteAsync("UPDATE webhook_endpoints SET disabled_ns = 5 WHERE id = 'b'");

        Assert.Equal(new WebhookSweep(0, 2), await outbox.SweepWebhooksAsync(At(10), Ct));
        Assert.Equal(new WebhookSweep(1, 0), await outbox.SweepWebhooksAsync(At(20), Ct));
        Assert.Equal(new WebhookSweep(0, 0), await outbox.SweepWebhooksAsync(At(30), Ct));

        var dead = (await outbox.ReadWebhookOutboxAsync(null, WebhookOutboxState.Dead, 10, Ct)).ToDictionary(i => $"{i.MessageId}>{i.EndpointId}");
        Assert.Equal("expired; last error: HTTP 503 Service Unavailable", dead["msg_old>a"].LastError);
        Assert.Equal(At(20), dead["msg_old>a"].Finished);
        Assert.Equal("endpoint disabled or removed", dead["msg_new>b"].LastError);
        Assert.Equal("msg_new", Assert.Single(await outbox.ReadWebhookOutboxAsync(null, WebhookOutboxState.Pending, 10, Ct)).MessageId);
    }

    [Fact]
    public async Task WebhookDueEndpoints_AreTheEnabledOnesWithAnItemDueNow()
    {
        var outbox = await OpenOutboxAsync();
        await AddEndpointsAsync(outbox, ("b", 1), ("a", 1), ("alarms", 3), ("off", 1));
        await outbox.EnqueueWebhookAsync(Message("msg_1", level: 1, created: 5), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_2", level: 1, created: 5), Ct);

        // Disabled behind the journal's back: its items are still pending, but it is not listed.
        await Target.ExecuteAsync("UPDATE webhook_endpoints SET disabled_ns = 1 WHERE id = 'off'");

        Assert.Empty(await outbox.ListDueWebhookEndpointsAsync(At(4), Ct));
        Assert.Equal(["a", "b"], await outbox.ListDueWebhookEndpointsAsync(At(5), Ct));
        Assert.Equal(2, (await outbox.ClaimDueWebhooksForEndpointAsync("b", At(5), Lease, 10, Ct)).Count);
        Assert.Equal(["a"], await outbox.ListDueWebhookEndpointsAsync(At(6), Ct));
        Assert.Equal(["a", "b"], await outbox.ListDueWebhookEndpointsAsync(At(36), Ct));
    }

    [Fact]
    public async Task WebhookClaimersForOneEndpoint_Concurrent_NeverTakeTheSameItem()
    {
        var all = await ClaimConcurrentlyAsync(20, async outbox => (await outbox.ClaimDueWebhooksForEndpointAsync("a", At(10), Lease, 4, Ct)).Select(c => c.Item.Id));

        Assert.Equal(60, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(60, await Target.ScalarAsync("SELECT COUNT(*) FROM webhook_outbox WHERE endpoint_id = 'b' AND next_attempt_ns = " + At(1).UnixNanoseconds));
    }

    /// <summary>
    /// Two journals on one database, 60 messages queued for endpoints a and b; each journal runs
    /// <paramref name="rounds"/> rounds of <paramref name="claim"/> at once with the other: every id either took.
    /// </summary>
    private async Task<List<long>> ClaimConcurrentlyAsync(int rounds, Func<IWebhookOutbox, Task<IEnumerable<long>>> claim)
    {
        var first = await OpenOutboxAsync();
        var second = (IWebhookOutbox)await OpenAsync();
        await AddEndpointsAsync(first, ("a", 1), ("b", 1));
        for (var i = 0; i < 60; i++)
        {
            await first.EnqueueWebhookAsync(Message($"msg_{i}", level: 1), Ct);
        }

        async Task<List<long>> ClaimAllAsync(IWebhookOutbox outbox)
        {
            var taken = new List<long>();
            for (var round = 0; round < rounds; round++)
            {
                taken.AddRange(await claim(outbox));
            }

            return taken;
        }

        var results = await Task.WhenAll(Task.Run(() => ClaimAllAsync(first), Ct), Task.Run(() => ClaimAllAsync(second), Ct));
        return [.. results[0], .. results[1]];
    }

    private async Task<IWebhookOutbox> OpenOutboxAsync() => Assert.IsAssignableFrom<IWebhookOutbox>(await OpenAsync());

    private static WebhookEndpoint Endpoint(string id, int minLevel, string url, double created) =>
        new() { Id = id, Url = url, MinLevel = minLevel, Created = At(created) };

    private static async Task AddEndpointsAsync(IWebhookOutbox outbox, params (string Id, int MinLevel)[] endpoints)
    {
        foreach (var (id, minLevel) in endpoints)
        {
            Assert.True(await outbox.AddWebhookEndpointAsync(Endpoint(id, minLevel, $"https://{id}.example/hook", 0), "whsec_" + id, Ct));
        }
    }

    private static WebhookMessage Message(string id, int level, double created = 1, double? expires = null) => new()
    {
        MessageId = id,
        EventType = "alert.raised",
        Payload = $$$"""{"type":"alert.raised","data":{"id":"{{{id}}}","ñ":"¡sí!"}}""",
        Level = level,
        Created = At(created),
        Expires = At(expires ?? created + 300),
    };
}
