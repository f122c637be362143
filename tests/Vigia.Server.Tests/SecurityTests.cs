using System.Net;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>Bearer tokens, roles, revocation and per-client rate limits.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private readonly VigiaServerFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Vigia:RequestsPerSecondPerClient"] = "1",
        ["Vigia:RequestBurstPerClient"] = "3",
        ["Vigia:StreamKeyCheckSeconds"] = "0.2",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/tracks")]
    [InlineData("/api/v1/sensors")]
    [InlineData("/api/v1/observations")]
    [InlineData("/api/v1/tracks/1")]
    public async Task EveryApiRoute_WithoutAKey_Returns401(string path)
    {
        using var client = _app.ClientWith(null);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("vgk_not-a-real-key")]
    [InlineData("vgs_not-a-real-token")]
    [InlineData("something-else")]
    public async Task UnknownSecrets_Return401(string secret)
    {
        using var client = _app.ClientWith(secret);

        using var response = await client.GetAsync("/api/v1/tracks", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HealthRoutes_AreAnonymous()
    {
        using var client = _app.ClientWith(null);

        using var healthz = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var readyz = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
    }

    [Fact]
    public async Task ASensorToken_CannotReadThePicture()
    {
        var token = await _app.AddSensorAsync("rid-1", "remote-id");
        using var client = _app.ClientWith(token);

        using var response = await client.GetAsync("/api/v1/tracks", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyOrSensor_StopsWorkingAtOnce()
    {
        var key = await _app.AddKeyAsync("screen", ApiKeyRole.Viewer);
        var token = await _app.AddSensorAsync("rid-1", "remote-id");
        using var viewer = _app.ClientWith(key);
        using var sensor = _app.ClientWith(token);
        using (var before = await viewer.GetAsync("/api/v1/tracks", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await _app.Journal.RevokeApiKeyAsync("screen", default, TestContext.Current.CancellationToken));
        Assert.True(await _app.Journal.RevokeSensorAsync("rid-1", default, TestContext.Current.CancellationToken));

        using var afterKey = await viewer.GetAsync("/api/v1/tracks", TestContext.Current.CancellationToken);
        using var afterSensor = await sensor.PostAsync("/api/v1/observations", Content(Geodetic("rid-1", "r-1", DateTimeOffset.UtcNow, 19.2, -102.8, 500)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, afterKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSensor.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RevokingAKey_EndsItsOpenStreams_WhileAnotherKeysStreamGoesOn(bool replay)
    {
        var path = "/api/v1/stream";
        if (replay)
        {
            using var op = _app.ClientWith(await _app.AddKeyAsync("ops", ApiKeyRole.Operator));
            var from = DateTimeOffset.UtcNow.AddMinutes(-10);
            using var created = await op.PostAsync("/api/v1/replays", Content($$"""{"from":"{{Time(from)}}","to":"{{Time(from.AddMinutes(5))}}","speed":1}"""), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var doc = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
            path = $"/api/v1/replays/{doc.RootElement.GetProperty("id").GetString()}/stream";
        }

        using var revokedClient = _app.ClientWith(await _app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        using var keptClient = _app.ClientWith(await _app.AddKeyAsync("wall", ApiKeyRole.Viewer));
        using var revokedResponse = await revokedClient.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var keptResponse = await keptClient.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var revoked = new SseReader(await revokedResponse.Content.ReadAsStreamAsync(Ct));
        using var kept = new SseReader(await keptResponse.Content.ReadAsStreamAsync(Ct));
        await revoked.WaitForAsync("snapshot", _ => true, TimeSpan.FromSeconds(10));
        await kept.WaitForAsync("snapshot", _ => true, TimeSpan.FromSeconds(10));

        Assert.True(await _app.Journal.RevokeApiKeyAsync("screen", default, Ct));

        // The revoked key's stream ends (the reader sees its end) within a few checks, not at the next reconnect.
        using (var within = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            within.CancelAfter(TimeSpan.FromSeconds(5));
            while (await revoked.NextAsync(within.Token) is not null)
            {
            }
        }

        // The other key's stream is still open: reading it waits (or yields events) rather than ending.
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        quiet.CancelAfter(TimeSpan.FromSeconds(1.5));
        var ended = false;
        try
        {
            while (true)
            {
                if (await kept.NextAsync(quiet.Token) is null)
                {
                    ended = true;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (quiet.IsCancellationRequested && !Ct.IsCancellationRequested)
        {
        }

        Assert.False(ended, "the stream of a key that was not revoked ended");
    }

    [Fact]
    public async Task AFloodFromOneSensor_Gets429WithAProblem_WhileAnotherSensorIsServed()
    {
        var noisy = _app.ClientWith(await _app.AddSensorAsync("rid-1", "remote-id"));
        var quiet = _app.ClientWith(await _app.AddSensorAsync("rid-2", "remote-id"));
        var t = DateTimeOffset.UtcNow;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var r = await noisy.PostAsync("/api/v1/observations", Content(Geodetic("rid-1", $"f-{i}", t, 19.2, -102.8, 500)), TestContext.Current.CancellationToken);
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
                Assert.Equal("1", r.Headers.RetryAfter?.ToString());
            }
        }

        using var other = await quiet.PostAsync("/api/v1/observations", Content(Geodetic("rid-2", "q-0", t, 19.2, -102.8, 500)), TestContext.Current.CancellationToken);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
