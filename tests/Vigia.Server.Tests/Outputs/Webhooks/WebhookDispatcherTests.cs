using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Server.Outputs.Webhooks;
using Vigia.Server.Threats;
using Vigia.Storage.Alerts;
using Vigia.Storage.Webhooks;
using Vigia.Testing;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// Delivery to a real HTTP receiver on 127.0.0.1 that verifies every signature: success, retries with backoff on 5xx,
/// 408, 429, timeouts and refused connections, dead letters on permanent refusals, and no retry past the alert's expiry.
/// Retry timing runs on a <see cref="ManualClock"/>, one round at a time.
/// </summary>
public sealed class WebhookDispatcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private readonly ManualClock _clock = new(Start);
    private readonly WebhookSecret _secret = WebhookSecret.Generate();
    private WebhookReceiver _receiver = null!;
    private WebhookHarness _hooks = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(_secret, _clock.GetUtcNow);
        _hooks = await WebhookHarness.StartAsync(TestPaths.NewTempDirectory(), _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _hooks.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task AnAlertChange_IsJournalledAndDeliveredAtOnce_SignedWithTheThreeHeaders()
    {
        var secret = WebhookSecret.Generate();
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        await using var hooks = await WebhookHarness.StartAsync(TestPaths.NewTempDirectory(), TimeProvider.System, new Dictionary<string, string?>
        {
            // A long poll: only the output's wake-up can make the delivery quick.
            ["Vigia:Webhooks:PollIntervalSeconds"] = "30",
        });
        await hooks.AddEndpointAsync("sirens", receiver.Url, secret);
        await hooks.StartLoopAsync();
        var output = Assert.Single(hooks.Services.GetServices<IAlertOutput>().OfType<WebhookJournalOutput>());
        var change = WebhookHarness.Alarm(Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), 300);

        await output.PublishAsync([change], Ct);
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(5));

        var got = Assert.Single(receiver.Received);
        Assert.True(got.Verification.IsValid, got.Verification.Detail);
        Assert.Equal(WebhookPayload.MessageId(change.Alert), got.Id);
        Assert.Equal(WebhookPayload.Build(change), got.Body);
        Assert.Equal("application/json; charset=utf-8", got.ContentType);
        Assert.Equal("Vigia-Webhooks/1", got.UserAgent);
        using (var body = JsonDocument.Parse(got.Body))
        {
            Assert.Equal("alert.raised", body.RootElement.GetProperty("type").GetString());
            Assert.True(body.RootElement.GetProperty("data").GetProperty("exercise").GetBoolean());
        }

        var item = await WaitForStateAsync(hooks.Outbox, WebhookOutboxState.Delivered);
        Assert.Equal((1, "sirens"), (item.Attempts, item.EndpointId));
        var attempt = Assert.Single(await hooks.Outbox.ReadWebhookAttemptsAsync("sirens", 10, Ct));
        Assert.Equal((204, (string?)null), (attempt.StatusCode, attempt.Error));
        Assert.Equal(1, hooks.Dispatcher.Counters.Delivered);
        Assert.Single(await ((IAlertStore)hooks.Journal).ReadAlertEventsAsync(change.Alert.Id, null, null, 10, Ct));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithExponentialBackoff_UnderTheSameId_UntilDelivered()
    {
        _receiver.Respond = n => n < 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        await _hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        var message = await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300), Now());

        await RoundAtAsync(0);
        await RoundAtAsync(0.9);
        Assert.Single(_receiver.Received);
        await RoundAtAsync(1);
        await RoundAtAsync(2.9);
        Assert.Equal(2, _receiver.Received.Count);
        await RoundAtAsync(3);

        var received = _receiver.Received.ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(r.Verification.IsValid, r.Verification.Detail));
        Assert.All(received, r => Assert.Equal(message.MessageId, r.Id));
        Assert.Equal([Unix(0), Unix(1), Unix(3)], received.Select(r => r.Timestamp));
        Assert.Equal(3, received.Select(r => r.Signature).Distinct().Count());
        var item = Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Delivered, 10, Ct));
        Assert.Equal(3, item.Attempts);
        Assert.Equal([200, 500, 500], (await _hooks.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct)).Select(a => a.StatusCode ?? 0));
        Assert.Equal("HTTP 500 Internal Server Error", (await _hooks.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct))[^1].Error);
        Assert.Equal((3, 1, 2), (_hooks.Dispatcher.Counters.Attempts, _hooks.Dispatcher.Counters.Delivered, _hooks.Dispatcher.Counters.Retried));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(299)]
    public async Task Any2xx_IsDelivered(int status)
    {
        _receiver.Respond = _ => (HttpStatusCode)status;
        await _hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300), Now());

        await RoundAtAsync(0);

        Assert.Single(_receiver.Received);
        var item = Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Delivered, 10, Ct));
        Assert.Equal(1, item.Attempts);
        Assert.Equal(status, Assert.Single(await _hooks.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct)).StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task RetryableStatuses_AreRetried(HttpStatusCode status)
    {
        _receiver.Respond = n => n == 0 ? status : HttpStatusCode.Accepted;
        await _hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300), Now());

        await RoundAtAsync(0);
        await RoundAtAsync(1);

        Assert.Equal(2, _receiver.Received.Count);
        Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Delivered, 10, Ct));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "permanent: HTTP 400 Bad Request")]
    [InlineData(HttpStatusCode.Unauthorized, "permanent: HTTP 401 Unauthorized")]
    [InlineData(HttpStatusCode.NotFound, "permanent: HTTP 404 Not Found")]
    [InlineData(HttpStatusCode.Gone, "permanent: HTTP 410 Gone")]
    [InlineData(HttpStatusCode.MovedPermanently, "permanent: HTTP 301 Moved Permanently (redirects are not followed)")]
    public async Task PermanentRefusals_AreDeadLetteredAfterOneAttempt(HttpStatusCode status, string reason)
    {
        _receiver.Respond = _ => status;
        await _hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300), Now());

        await RoundAtAsync(0);
        await RoundAtAsync(60);

        Assert.Single(_receiver.Received);
        var dead = Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync(null, WebhookOutboxState.Dead, 10, Ct));
        Assert.Equal((reason, 1), (dead.LastError, dead.Attempts));
        Assert.Equal(1, _hooks.Dispatcher.Counters.Permanent);
    }

    [Fact]
    public async Task ATimeout_IsRecordedAndRetried()
    {
        await using var hooks = await WebhookHarness.StartAsync(TestPaths.NewTempDirectory(), _clock, new Dictionary<string, string?>
        {
            ["Vigia:Webhooks:RequestTimeoutSeconds"] = "1",
        });
        _receiver.Delay = TimeSpan.FromSeconds(10);
        await hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        await hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300), Now());

        await RoundAtAsync(hooks, 0);
        _receiver.Delay = TimeSpan.Zero;
        await RoundAtAsync(hooks, 1);

        var log = await hooks.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct);
        Assert.Equal([204, 0], log.Select(a => a.StatusCode ?? 0));
        Assert.Equal("timeout after 1 s", log[1].Error);
        Assert.InRange(log[1].DurationMilliseconds, 900, 9000);
        Assert.Single(await hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Delivered, 10, Ct));
        Assert.Equal(2, _receiver.Received.Count);
    }

    [Fact]
    public async Task AnUnreachableReceiver_IsRetried_ButNeverPastTheAlertsExpiry()
    {
        await _hooks.AddEndpointAsync("gone", WebhookReceiver.UnreachableUrl(), _secret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), lifetimeSeconds: 10), Now());

        // Backoff 1 s, 2 s, 4 s: attempts at 0, 1, 3 and 7 s; the next would be at 15 s, after the expiry at 10 s.
        foreach (var at in new[] { 0.0, 1, 3, 7, 15, 30 })
        {
            await RoundAtAsync(at);
        }

        var log = await _hooks.Outbox.ReadWebhookAttemptsAsync("gone", 10, Ct);
        Assert.Equal([Start.AddSeconds(7), Start.AddSeconds(3), Start.AddSeconds(1), Start], log.Select(a => a.Time.ToDateTimeOffset()));
        Assert.All(log, a => Assert.Null(a.StatusCode));
        Assert.All(log, a => Assert.StartsWith("connection failed: ", a.Error, StringComparison.Ordinal));
        var dead = Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync("gone", WebhookOutboxState.Dead, 10, Ct));
        Assert.StartsWith("expired; last error: connection failed: ", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(4, dead.Attempts);
        Assert.Equal(1, _hooks.Dispatcher.Counters.Expired);
    }

    [Fact]
    public async Task AMessageAlreadyExpired_IsNeverSent()
    {
        await _hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now().AddSeconds(-400), lifetimeSeconds: 300), Now());

        await RoundAtAsync(0);

        Assert.Empty(_receiver.Received);
        var dead = Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Dead, 10, Ct));
        Assert.Equal(("expired", 0), (dead.LastError, dead.Attempts));
        Assert.Empty(await _hooks.Outbox.ReadWebhookAttemptsAsync("a", 10, Ct));
    }

    [Fact]
    public async Task AFailingEndpoint_NeitherDelaysNorBlocksAnother()
    {
        var okSecret = WebhookSecret.Generate();
        await using var ok = await WebhookReceiver.StartAsync(okSecret, _clock.GetUtcNow);
        _receiver.Respond = _ => HttpStatusCode.ServiceUnavailable;
        await _hooks.AddEndpointAsync("failing", _receiver.Url, _secret);
        await _hooks.AddEndpointAsync("ok", ok.Url, okSecret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300, version: 1), Now());
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300, version: 2), Now());

        await RoundAtAsync(0);

        Assert.Equal(2, ok.Received.Count);
        Assert.All(ok.Received, r => Assert.True(r.Verification.IsValid, r.Verification.Detail));
        Assert.Equal(2, (await _hooks.Outbox.ReadWebhookOutboxAsync("ok", WebhookOutboxState.Delivered, 10, Ct)).Count);
        Assert.Equal(2, (await _hooks.Outbox.ReadWebhookOutboxAsync("failing", WebhookOutboxState.Pending, 10, Ct)).Count);
    }

    [Fact]
    public async Task DisablingAnEndpoint_StopsItsRetries()
    {
        _receiver.Respond = _ => HttpStatusCode.InternalServerError;
        await _hooks.AddEndpointAsync("a", _receiver.Url, _secret);
        await _hooks.EnqueueAsync(WebhookHarness.Alarm(Now(), 300), Now());
        await RoundAtAsync(0);

        Assert.True(await _hooks.Outbox.DisableWebhookEndpointAsync("a", Now(), Ct));
        await RoundAtAsync(1);
        await RoundAtAsync(5);

        Assert.Single(_receiver.Received);
        Assert.Equal("endpoint disabled", Assert.Single(await _hooks.Outbox.ReadWebhookOutboxAsync("a", WebhookOutboxState.Dead, 10, Ct)).LastError);
    }

    private static string Unix(double seconds) => Start.AddSeconds(seconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<WebhookOutboxItem> WaitForStateAsync(IWebhookOutbox outbox, WebhookOutboxState state)
    {
        for (var i = 0; i < 250; i++)
        {
            if (await outbox.ReadWebhookOutboxAsync(null, state, 10, Ct) is [var item, ..])
            {
                return item;
            }

            await Task.Delay(20, Ct);
        }

        throw new Xunit.Sdk.XunitException($"no outbox item reached {state}");
    }

    private Timestamp Now() => Timestamp.FromDateTimeOffset(_clock.GetUtcNow());

    private Task RoundAtAsync(double seconds) => RoundAtAsync(_hooks, seconds);

    private async Task RoundAtAsync(WebhookHarness hooks, double seconds)
    {
        _clock.Set(Start.AddSeconds(seconds));
        await hooks.Dispatcher.DispatchDueAsync(Ct);
    }
}
