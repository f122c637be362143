using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Server.Tests.Outputs.Webhooks;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Vigia.Storage.Alerts;
using Vigia.Storage.Webhooks;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests.Threats;

/// <summary>
/// The journal (with the webhook outbox) failing for a while, as in a database failover: the alert changes it
/// missed are journalled, in order, with their webhooks, once it is back; the live stream has them once; an
/// acknowledgement is answered only once journalled, and 503 while the journal stays down.
/// </summary>
public sealed class AlertJournalFailureTests : IAsyncDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private readonly VigiaServerFactory _base = new();
    private readonly FailingOutbox.Switch _journalDown = new();
    private readonly WebApplicationFactory<Program> _app;

    public AlertJournalFailureTests() =>
        _app = _base.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IWebhookOutbox>(sp => new FailingOutbox((IWebhookOutbox)sp.GetRequiredService<IJournal>(), _journalDown))));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAlertStore Store => _app.Services.GetRequiredService<IAlertStore>();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _base.DisposeAsync();
    }

    [Fact]
    public async Task ChangesMissedByTheJournal_AreJournalledInOrderWithTheirWebhooks_AndAnAcknowledgementWaitsForIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookSecret.Generate());
        using (var admin = Client(await KeyAsync("root", ApiKeyRole.Admin)))
        using (var created = await admin.PostAsync("/api/v1/webhooks", Content($$"""{"id":"proteccion-civil","url":"{{receiver.Url}}","min_level":"advisory"}"""), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var (op, stream) = await ZoneAsync();
        using (op)
        using (stream)
        {
            _journalDown.On = true;
            await PlotsAsync();
            var id = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within))
                .RootElement.GetProperty("alert").GetProperty("id").GetString()!;
            Assert.Empty(await Store.ReadAlertEventsAsync(id, null, null, 10, Ct));

            // Not answered while its version is not journalled.
            var ack = op.PostAsync($"/api/v1/alerts/{id}/acknowledge", Content("{}"), Ct);
            await Task.Delay(1000, Ct);
            Assert.False(ack.IsCompleted, "the acknowledgement was answered before it was journalled");
            Assert.DoesNotContain(id, await op.GetStringAsync("/cap/feed.atom", Ct), StringComparison.Ordinal); // built from the journal

            _journalDown.On = false;
            using (var answered = await ack)
            {
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
                Assert.Equal(2, (await answered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
            }

            var journalled = await Store.ReadAlertEventsAsync(id, null, null, 10, Ct);
            Assert.Equal([("raised", 1), ("acknowledged", 2)], journalled.Select(v => (v.Change, v.Version)));
            Assert.Contains($"vigia-{id}-2.xml", await op.GetStringAsync("/cap/feed.atom", Ct), StringComparison.Ordinal); // not a stale cache
            await receiver.WaitForAsync(1, Within);
            Assert.Contains(receiver.Received, w => JsonDocument.Parse(w.Body).RootElement.GetProperty("type").GetString() == "alert.raised");

            // The live stream had the raise once, when it happened: the retries did not show it again.
            await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"acknowledged\"", StringComparison.Ordinal), Within);
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            try
            {
                while (await stream.NextAsync(quiet.Token) is { } e)
                {
                    Assert.False(e.Event == "alert" && e.Data.Contains("\"change\":\"raised\"", StringComparison.Ordinal), "the raise was streamed twice");
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task AnAcknowledgement_WhileTheJournalStaysDown_Is503_AndIsJournalledWhenItIsBack()
    {
        var (op, stream) = await ZoneAsync();
        using (op)
        using (stream)
        {
            await PlotsAsync();
            var id = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within))
                .RootElement.GetProperty("alert").GetProperty("id").GetString()!;
            await UntilAsync(async () => (await Store.ReadAlertEventsAsync(id, null, null, 10, Ct)).Count == 1);

            _journalDown.On = true;
            using (var ack = await op.PostAsync($"/api/v1/alerts/{id}/acknowledge", Content("{}"), Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ack.StatusCode);
            }

            _journalDown.On = false;
            await UntilAsync(async () => (await Store.ReadAlertEventsAsync(id, null, null, 10, Ct)).Count == 2);
            var journalled = await Store.ReadAlertEventsAsync(id, null, null, 10, Ct);
            Assert.Equal([("raised", 1), ("acknowledged", 2)], journalled.Select(v => (v.Change, v.Version)));
        }
    }

    private async Task<(HttpClient Operator, SseReader Stream)> ZoneAsync()
    {
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var token = Secrets.Generate(Secrets.SensorPrefix);
        Assert.True(await _app.Services.GetRequiredService<IJournal>().AddSensorAsync(
            new SensorRecord { Id = "radar-1", Kind = "radar", Position = VigiaServerFactory.RadarPosition, Created = now }, Secrets.Hash(token)));
        await _app.Services.GetRequiredService<Pipeline.SensorDirectory>().RefreshAsync(Ct);
        _radar = Client(token);

        var op = Client(await KeyAsync("ana", ApiKeyRole.Operator));
        var target = Target();
        using (var zone = await op.PostAsync("/api/v1/zones", Content(ZonesApiTests.CircleZone("el-bejuco", target.LatitudeDegrees, target.LongitudeDegrees, 300)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        }

        var response = await op.GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        var stream = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await stream.WaitForAsync("snapshot", _ => true, Within);
        await Task.Delay(300, Ct); // the alert loop picks the zone up
        return (op, stream);
    }

    private HttpClient? _radar;

    /// <summary>Radar plots of a drone hovering inside the zone: an alarm.</summary>
    private async Task PlotsAsync()
    {
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-5);
        for (var k = 0; k < 5; k++)
        {
            using var r = await _radar!.PostAsync("/api/v1/observations", Content(Rae("radar-1", $"s-{k}", t0.AddSeconds(k), 1500, 60, 3)), Ct);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
    }

    /// <summary>Where a plot at 1500 m, azimuth 60°, elevation 3° from the test radar lies.</summary>
    private static GeoPosition Target()
    {
        var frame = new LocalTangentPlane(VigiaServerFactory.RadarPosition);
        double range = 1500, az = 60 * Math.PI / 180, el = 3 * Math.PI / 180;
        return frame.ToGeodetic(new EnuVector(range * Math.Cos(el) * Math.Sin(az), range * Math.Cos(el) * Math.Cos(az), range * Math.Sin(el)));
    }

    private async Task<string> KeyAsync(string name, ApiKeyRole role)
    {
        var key = Secrets.Generate(Secrets.KeyPrefix);
        Assert.True(await _app.Services.GetRequiredService<IJournal>().AddApiKeyAsync(
            new ApiKeyRecord { Name = name, Role = role, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }, Secrets.Hash(key)));
        return key;
    }

    private HttpClient Client(string secret)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "not within 20 s");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The real outbox, except that appending alert versions fails (as the database would) while the switch is on.</summary>
    private sealed class FailingOutbox(IWebhookOutbox inner, FailingOutbox.Switch down) : IWebhookOutbox
    {
        public Task<int> AppendAlertEventsWithWebhooksAsync(IReadOnlyList<AlertEventRecord> events, IReadOnlyList<WebhookMessage> webhooks, CancellationToken cancellationToken = default) =>
            down.On ? throw new JournalException("connection lost (failover)") : inner.AppendAlertEventsWithWebhooksAsync(events, webhooks, cancellationToken);

        public Task<bool> AddWebhookEndpointAsync(WebhookEndpoint endpoint, string secret, CancellationToken cancellationToken = default) => inner.AddWebhookEndpointAsync(endpoint, secret, cancellationToken);

        public Task<IReadOnlyList<WebhookEndpoint>> ListWebhookEndpointsAsync(CancellationToken cancellationToken = default) => inner.ListWebhookEndpointsAsync(cancellationToken);

        public Task<bool> DisableWebhookEndpointAsync(string endpointId, Timestamp time, CancellationToken cancellationToken = default) => inner.DisableWebhookEndpointAsync(endpointId, time, cancellationToken);

        public Task<int> EnqueueWebhookAsync(WebhookMessage message, CancellationToken cancellationToken = default) => inner.EnqueueWebhookAsync(message, cancellationToken);

        public Task<WebhookClaim> ClaimDueWebhooksAsync(Timestamp now, TimeSpan lease, int limit, CancellationToken cancellationToken = default) => inner.ClaimDueWebhooksAsync(now, lease, limit, cancellationToken);

        public Task<WebhookSweep> SweepWebhooksAsync(Timestamp now, CancellationToken cancellationToken = default) => inner.SweepWebhooksAsync(now, cancellationToken);

        public Task<IReadOnlyList<string>> ListDueWebhookEndpointsAsync(Timestamp now, CancellationToken cancellationToken = default) => inner.ListDueWebhookEndpointsAsync(now, cancellationToken);

        public Task<IReadOnlyList<ClaimedWebhook>> ClaimDueWebhooksForEndpointAsync(string endpointId, Timestamp now, TimeSpan lease, int limit, CancellationToken cancellationToken = default) =>
            inner.ClaimDueWebhooksForEndpointAsync(endpointId, now, lease, limit, cancellationToken);

        public Task<bool> MarkWebhookDeliveredAsync(long outboxId, WebhookAttemptResult attempt, CancellationToken cancellationToken = default) => inner.MarkWebhookDeliveredAsync(outboxId, attempt, cancellationToken);

        public Task<bool> RescheduleWebhookAsync(long outboxId, WebhookAttemptResult attempt, Timestamp nextAttempt, CancellationToken cancellationToken = default) => inner.RescheduleWebhookAsync(outboxId, attempt, nextAttempt, cancellationToken);

        public Task<bool> DeadLetterWebhookAsync(long outboxId, WebhookAttemptResult? attempt, string reason, Timestamp time, CancellationToken cancellationToken = default) => inner.DeadLetterWebhookAsync(outboxId, attempt, reason, time, cancellationToken);

        public Task<IReadOnlyList<WebhookAttempt>> ReadWebhookAttemptsAsync(string endpointId, int limit, CancellationToken cancellationToken = default) => inner.ReadWebhookAttemptsAsync(endpointId, limit, cancellationToken);

        public Task<IReadOnlyList<WebhookOutboxItem>> ReadWebhookOutboxAsync(string? endpointId, WebhookOutboxState? state, int limit, CancellationToken cancellationToken = default) => inner.ReadWebhookOutboxAsync(endpointId, state, limit, cancellationToken);

        public Task<long> CountWebhooksAsync(WebhookOutboxState state, CancellationToken cancellationToken = default) => inner.CountWebhooksAsync(state, cancellationToken);

        public Task<long> DeleteWebhookHistoryAsync(Timestamp cutoff, int batchSize, CancellationToken cancellationToken = default) => inner.DeleteWebhookHistoryAsync(cutoff, batchSize, cancellationToken);

        public sealed class Switch
        {
            private volatile bool _on;

            public bool On
            {
                get => _on;
                set => _on = value;
            }
        }
    }
}
