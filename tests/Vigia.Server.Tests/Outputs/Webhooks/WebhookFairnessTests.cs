using System.Diagnostics;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Storage.Webhooks;
using Vigia.Testing;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// Each endpoint is delivered on its own, in real time with the hosted loop: a receiver that never answers, with a
/// backlog of due messages, does not delay another endpoint's new alert; and an item is claimed only when a delivery slot
/// is free for it, so its lease covers its whole attempt and two dispatchers sharing one journal never send it twice.
/// Also: with delivery disabled, queued messages still expire and their history is still deleted.
/// </summary>
public sealed class WebhookFairnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEndpointThatNeverAnswers_WithABacklog_DoesNotDelayAnotherEndpointsNewAlert()
    {
        var deadSecret = WebhookSecret.Generate();
        var sirensSecret = WebhookSecret.Generate();
        await using var dead = await WebhookReceiver.StartAsync(deadSecret);
        await using var sirens = await WebhookReceiver.StartAsync(sirensSecret);
        dead.Delay = TimeSpan.FromMinutes(5);
        await using var hooks = await WebhookHarness.StartAsync(TestPaths.NewTempDirectory(), TimeProvider.System);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);

        // 40 messages due for the endpoint that never answers (each attempt takes the whole 5 s timeout), older than
        // anything the sirens will get.
        await hooks.AddEndpointAsync("dead", dead.Url, deadSecret);
        for (var version = 1; version <= 40; version++)
        {
            await hooks.EnqueueAsync(WebhookHarness.Alarm(now, 600, version: version), now);
        }

        await hooks.AddEndpointAsync("sirens", sirens.Url, sirensSecret);
        await hooks.StartLoopAsync();
        await dead.WaitForAsync(8);

        var alarm = await hooks.EnqueueAsync(WebhookHarness.Alarm(now, 600, zone: "la-ruana"), now);
        var clock = Stopwatch.StartNew();
        hooks.Dispatcher.Wake();
        await sirens.WaitForAsync(1, TimeSpan.FromSeconds(2));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        var got = Assert.Single(sirens.Received);
        Assert.Equal(alarm.MessageId, got.Id);
        Assert.True(got.Verification.IsValid, got.Verification.Detail);

        // The dead endpoint holds only its own slots (MaxConcurrentDeliveries = 8).
        Assert.Equal(8, dead.Received.Count);
    }

    [Fact]
    public async Task AClaimedItem_NeverWaitsPastItsLease_SoTwoDispatchersOnOneJournalNeverSendItTwice()
    {
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        receiver.Delay = TimeSpan.FromMinutes(5);
        var directory = TestPaths.NewTempDirectory();
        var settings = new Dictionary<string, string?>
        {
            // Two POSTs at a time per endpoint and a lease of twice the timeout: claiming more than two items at once
            // would leave the others waiting past their lease, for the other dispatcher to claim and send again.
            ["Vigia:Webhooks:RequestTimeoutSeconds"] = "1",
            ["Vigia:Webhooks:LeaseSeconds"] = "2",
            ["Vigia:Webhooks:MaxConcurrentDeliveries"] = "2",
            ["Vigia:Webhooks:BatchSize"] = "32",
            ["Vigia:Webhooks:FirstRetrySeconds"] = "60",
        };
        await using var first = await WebhookHarness.StartAsync(directory, TimeProvider.System, settings);
        await using var second = await WebhookHarness.StartAsync(directory, TimeProvider.System, settings);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await first.AddEndpointAsync("a", receiver.Url, secret);
        for (var version = 1; version <= 8; version++)
        {
            await first.EnqueueAsync(WebhookHarness.Alarm(now, 600, version: version), now);
        }

        await first.StartLoopAsync();
        await second.StartLoopAsync();
        await receiver.WaitForAsync(8, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        var ids = receiver.Received.Select(r => r.Id).ToList();
        Assert.Equal(8, ids.Count);
        Assert.Equal(8, ids.Distinct().Count());
    }

    [Fact]
    public async Task WithDeliveryDisabled_QueuedMessagesExpire_AndTheirHistoryIsDeleted()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new ManualClock(start);
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        await using var hooks = await WebhookHarness.StartAsync(TestPaths.NewTempDirectory(), clock, new Dictionary<string, string?>
        {
            ["Vigia:Webhooks:Enabled"] = "false",
            ["Vigia:Webhooks:HistoryRetentionDays"] = "1",
        });
        await hooks.AddEndpointAsync("a", receiver.Url, secret);
        var now = Timestamp.FromDateTimeOffset(start);
        await hooks.EnqueueAsync(WebhookHarness.Alarm(now, lifetimeSeconds: 60), now);
        await hooks.StartLoopAsync();
        await Task.Delay(300, Ct);
        Assert.Equal(1, await hooks.Outbox.CountWebhooksAsync(WebhookOutboxState.Pending, Ct));

        clock.Advance(TimeSpan.FromSeconds(61));
        await WaitUntilAsync(async () => await hooks.Outbox.CountWebhooksAsync(WebhookOutboxState.Dead, Ct) == 1);
        var dead = Assert.Single(await hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Dead, 10, Ct));
        Assert.Equal(("expired", 0), (dead.LastError, dead.Attempts));
        Assert.Equal(0, await hooks.Outbox.CountWebhooksAsync(WebhookOutboxState.Pending, Ct));

        clock.Advance(TimeSpan.FromDays(2));
        await WaitUntilAsync(async () => (await hooks.Outbox.ReadWebhookOutboxAsync(null, null, 10, Ct)).Count == 0);
        Assert.Empty(receiver.Received);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 250; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail("the condition did not hold within 5 s");
    }
}
