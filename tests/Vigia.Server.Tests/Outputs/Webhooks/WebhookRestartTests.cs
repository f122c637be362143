using System.Net;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Storage.Webhooks;
using Vigia.Testing;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// Nothing is lost across a restart: a second dispatcher over the same SQLite file delivers what the first left
/// pending — messages never attempted, messages whose attempt was in flight when the first process stopped (their
/// claim lapses), and messages waiting for a retry — each under the message id the receiver already saw.
/// </summary>
public sealed class WebhookRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MessagesInFlightOrNeverTried_AreDeliveredByTheNextProcess()
    {
        var directory = TestPaths.NewTempDirectory();
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        receiver.Delay = TimeSpan.FromSeconds(30);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var ids = new List<string>();

        // The first process claims two of the three messages (two delivery slots), POSTs them to a receiver that stalls,
        // and is stopped while they are in flight: no outcome is recorded, the third was never claimed.
        await using (var first = await WebhookHarness.StartAsync(directory, TimeProvider.System, new Dictionary<string, string?>
        {
            ["Vigia:Webhooks:MaxConcurrentDeliveries"] = "2",
            ["Vigia:Webhooks:RequestTimeoutSeconds"] = "20",
            ["Vigia:Webhooks:LeaseSeconds"] = "40",
        }))
        {
            await first.AddEndpointAsync("a", receiver.Url, secret);
            for (var version = 1; version <= 3; version++)
            {
                ids.Add((await first.EnqueueAsync(WebhookHarness.Alarm(now, 600, version: version), now)).MessageId);
            }

            await first.StartLoopAsync();
            await receiver.WaitForAsync(2);
            Assert.Empty(await first.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct));
        }

        Assert.Equal(ids[..2].Order(StringComparer.Ordinal), receiver.Received.Select(r => r.Id).Order(StringComparer.Ordinal));

        // The next process runs once the first one's claims have lapsed (its clock 41 s on); the receiver answers now.
        receiver.Delay = TimeSpan.Zero;
        await using var second = await WebhookHarness.StartAsync(directory, new ManualClock(DateTimeOffset.UtcNow.AddSeconds(41)));
        await DrainAsync(second);

        Assert.Equal(3, (await second.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Delivered, 10, Ct)).Count);
        Assert.Equal(0, await second.Outbox.CountWebhooksAsync(WebhookOutboxState.Pending, Ct));
        Assert.Equal(5, receiver.Received.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), receiver.Received.Skip(2).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(receiver.Received, r => Assert.True(r.Verification.IsValid, r.Verification.Detail));
    }

    [Fact]
    public async Task AMessageWaitingForItsRetry_IsRetriedByTheNextProcess()
    {
        var directory = TestPaths.NewTempDirectory();
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        receiver.Respond = n => n == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);

        await using (var first = await WebhookHarness.StartAsync(directory, TimeProvider.System, new Dictionary<string, string?>
        {
            ["Vigia:Webhooks:FirstRetrySeconds"] = "10",
        }))
        {
            await first.AddEndpointAsync("a", receiver.Url, secret);
            await first.EnqueueAsync(WebhookHarness.Alarm(now, 600), now);
            await first.StartLoopAsync();
            await WaitForAttemptsAsync(first.Outbox, "a", 1);
        }

        await using var second = await WebhookHarness.StartAsync(directory, new ManualClock(DateTimeOffset.UtcNow.AddSeconds(11)));
        await DrainAsync(second);

        var item = Assert.Single(await second.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Delivered, 10, Ct));
        Assert.Equal(2, item.Attempts);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.Equal([200, 503], (await second.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct)).Select(a => a.StatusCode ?? 0));
    }

    private static async Task DrainAsync(WebhookHarness harness)
    {
        for (var round = 0; round < 10 && await harness.Dispatcher.DispatchDueAsync(Ct) > 0; round++)
        {
        }
    }

    private static async Task WaitForAttemptsAsync(IWebhookOutbox outbox, string endpoint, int count)
    {
        for (var i = 0; i < 250 && (await outbox.ReadWebhookAttemptsAsync(endpoint, 10, Ct)).Count < count; i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(count, (await outbox.ReadWebhookAttemptsAsync(endpoint, 10, Ct)).Count);
    }
}
