using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Server.Outputs.Webhooks;
using Vigia.Server.Security;
using Vigia.Server.Threats;
using Vigia.Storage;
using Vigia.Storage.Webhooks;
using Vigia.Testing;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// <c>/api/v1/webhooks</c> on the server as Program.cs builds it plus <c>AddVigiaWebhooks</c> and
/// <c>MapVigiaWebhooks</c> (TestServer, real SQLite journal): admins add and disable, operators read, the secret is
/// shown once, bad URLs are refused naming the field.
/// </summary>
public sealed class WebhookEndpointsTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vigia:DataDirectory"] = TestPaths.NewTempDirectory(),
            ["Vigia:Webhooks:Enabled"] = "false",
        });
        builder.WebHost.UseTestServer();
        builder.AddVigiaConfiguration();
        builder.AddVigiaStorage();
        builder.AddVigiaSecurity();
        builder.AddVigiaPipeline();
        builder.AddVigiaTelemetry();
        builder.Services.AddVigiaWebhooks();
        _app = builder.Build();
        _app.UseVigiaSecurity();
        _app.MapVigiaWebhooks();
        await _app.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AddVigiaWebhooks_PutsTheTransactionalOutputInTheJournalsPlace()
    {
        var outputs = _app.Services.GetServices<IAlertOutput>().ToList();

        Assert.IsType<WebhookJournalOutput>(outputs[0]);
        Assert.DoesNotContain(outputs, o => o is AlertJournalOutput);
    }

    [Fact]
    public async Task AnAdminAddsAnEndpoint_GetsItsSecretOnce_AndOperatorsListItWithoutTheSecret()
    {
        using var admin = await ClientAsync(ApiKeyRole.Admin);
        using var operatorClient = await ClientAsync(ApiKeyRole.Operator);

        using var created = await admin.PostAsync("/api/v1/webhooks", Json("""{"id":"sirens","url":"https://sirens.example/vigia","description":"municipal sirens","min_level":"warning"}"""), Ct);
        var createdText = await created.Content.ReadAsStringAsync(Ct);
        using var listed = await operatorClient.GetAsync("/api/v1/webhooks", Ct);
        var listedText = await listed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/webhooks/sirens", created.Headers.Location?.ToString());
        using var doc = JsonDocument.Parse(createdText);
        var secret = doc.RootElement.GetProperty("secret").GetString()!;
        Assert.True(WebhookSecret.TryParse(secret, out _, out var error), error);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var list = JsonDocument.Parse(listedText);
        var endpoint = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(("sirens", "https://sirens.example/vigia", "warning", true), (
            endpoint.GetProperty("id").GetString(), endpoint.GetProperty("url").GetString(), endpoint.GetProperty("min_level").GetString(), endpoint.GetProperty("enabled").GetBoolean()));
        Assert.DoesNotContain(secret["whsec_".Length..], listedText, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnId_TheEndpointGetsOne()
    {
        using var admin = await ClientAsync(ApiKeyRole.Admin);

        using var created = await admin.PostAsync("/api/v1/webhooks", Json("""{"url":"http://10.0.0.5:8080/in"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        Assert.Matches("^wh-[0-9a-f]{12}$", doc.RootElement.GetProperty("endpoint").GetProperty("id").GetString());
        Assert.Equal("advisory", doc.RootElement.GetProperty("endpoint").GetProperty("min_level").GetString());
    }

    [Theory]
    [InlineData("""{"url":"ftp://files.example/in"}""", "url", "scheme 'ftp' is not allowed")]
    [InlineData("""{"url":"/relative/path"}""", "url", "not an absolute URL")]
    [InlineData("""{"url":"https://user:pw@receiver.example/in"}""", "url", "user name or password")]
    [InlineData("""{"url":""}""", "url", "is required")]
    [InlineData("""{"description":"no url"}""", "url", "is required")]
    [InlineData("""{"url":"https://receiver.example","min_level":"panic"}""", "min_level", "advisory, warning, alarm")]
    [InlineData("""{"id":"bad id!","url":"https://receiver.example"}""", "id", "letters, digits")]
    public async Task ABadRegistration_Is422NamingTheField(string body, string field, string reason)
    {
        using var admin = await ClientAsync(ApiKeyRole.Admin);

        using var response = await admin.PostAsync("/api/v1/webhooks", Json(body), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains(reason, error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _app.Services.GetRequiredService<IWebhookOutbox>().ListWebhookEndpointsAsync(Ct));
    }

    [Fact]
    public async Task Roles_OperatorsReadAndAdminsChange()
    {
        using var viewer = await ClientAsync(ApiKeyRole.Viewer);
        using var operatorClient = await ClientAsync(ApiKeyRole.Operator);
        using var anonymous = _app.GetTestClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/webhooks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/webhooks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/webhooks/dead-letters", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/v1/webhooks", Json("""{"url":"https://r.example"}"""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.DeleteAsync("/api/v1/webhooks/x", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/webhooks", Ct)).StatusCode);
    }

    [Fact]
    public async Task ADuplicateId_Is409_AndDisablingIs204ThenUnknown()
    {
        using var admin = await ClientAsync(ApiKeyRole.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/webhooks", Json("""{"id":"a","url":"https://a.example"}"""), Ct)).StatusCode);

        using var duplicate = await admin.PostAsync("/api/v1/webhooks", Json("""{"id":"a","url":"https://b.example"}"""), Ct);
        using var disabled = await admin.DeleteAsync("/api/v1/webhooks/a", Ct);
        using var again = await admin.DeleteAsync("/api/v1/webhooks/a", Ct);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/webhooks", Ct));
        var endpoint = Assert.Single(list.RootElement.EnumerateArray());
        Assert.False(endpoint.GetProperty("enabled").GetBoolean());
        Assert.True(endpoint.TryGetProperty("disabled", out _));
    }

    [Fact]
    public async Task TheDeliveryLogAndDeadLetters_ShowEachMessageAndAttempt()
    {
        using var operatorClient = await ClientAsync(ApiKeyRole.Operator);
        var outbox = _app.Services.GetRequiredService<IWebhookOutbox>();
        var t = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        Assert.True(await outbox.AddWebhookEndpointAsync(new WebhookEndpoint { Id = "a", Url = "https://a.example", MinLevel = 1, Created = t }, WebhookSecret.Generate().Encode(), Ct));
        await outbox.EnqueueWebhookAsync(Message("msg_ok", t), Ct);
        await outbox.EnqueueWebhookAsync(Message("msg_gone", t), Ct);
        var claimed = (await outbox.ClaimDueWebhooksAsync(t, TimeSpan.FromSeconds(30), 10, Ct)).Items.ToDictionary(c => c.Item.MessageId, c => c.Item.Id);
        await outbox.MarkWebhookDeliveredAsync(claimed["msg_ok"], new(t, 204, null, 12.5), Ct);
        await outbox.DeadLetterWebhookAsync(claimed["msg_gone"], new(t.AddSeconds(1), 410, "HTTP 410 Gone", 3), "permanent: HTTP 410 Gone", t.AddSeconds(1), Ct);

        using var log = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/webhooks/a/deliveries", Ct));
        using var dead = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/webhooks/dead-letters", Ct));
        using var unknown = await operatorClient.GetAsync("/api/v1/webhooks/nobody/deliveries", Ct);
        using var badLimit = await operatorClient.GetAsync("/api/v1/webhooks/a/deliveries?limit=0", Ct);

        var messages = log.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([("msg_gone", "dead"), ("msg_ok", "delivered")], messages.Select(m => (m.GetProperty("message_id").GetString(), m.GetProperty("state").GetString())));
        var attempts = log.RootElement.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([410, 204], attempts.Select(a => a.GetProperty("status_code").GetInt32()));
        Assert.Equal(12.5, attempts[1].GetProperty("duration_ms").GetDouble());
        Assert.Equal("HTTP 410 Gone", attempts[0].GetProperty("error").GetString());
        var deadOne = Assert.Single(dead.RootElement.EnumerateArray());
        Assert.Equal(("msg_gone", "permanent: HTTP 410 Gone"), (deadOne.GetProperty("message_id").GetString(), deadOne.GetProperty("last_error").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLimit.StatusCode);
    }

    private static WebhookMessage Message(string id, Timestamp t) => new()
    {
        MessageId = id,
        EventType = "alert.raised",
        Payload = "{}",
        Level = 3,
        Created = t,
        Expires = t.AddSeconds(300),
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpClient> ClientAsync(ApiKeyRole role)
    {
        var key = Secrets.Generate(Secrets.KeyPrefix);
        var journal = _app.Services.GetRequiredService<IJournal>();
        Assert.True(await journal.AddApiKeyAsync(
            new ApiKeyRecord { Name = $"{role}-{Guid.NewGuid():N}", Role = role, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }, Secrets.Hash(key), Ct));
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
