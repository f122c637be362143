using System.Net;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>GET /api/v1/stream: a subscriber sees tracks appear within one tracker step of their observations.</summary>
public sealed class StreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private readonly VigiaServerFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ARemoteIdDrone_AppearsOnTheStreamAfterItsFirstObservation_WithItsIdentity()
    {
        var rid = _app.ClientWith(await _app.AddSensorAsync("rid-1", "remote-id"));
        using var viewer = _app.ClientWith(await _app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        using var stream = await OpenStreamAsync(viewer);
        var snapshot = await stream.WaitForAsync("snapshot", _ => true, Within);
        Assert.Equal("live", JsonDocument.Parse(snapshot).RootElement.GetProperty("mode").GetString());

        var body = Geodetic("rid-1", "p-0", DateTimeOffset.UtcNow, 19.2, -102.8, 500, uasId: "1596F3ABCD")
            .Replace("}", ""","identity":{"type":"HelicopterOrMultirotor","operator_id":"MEX-OP-0042","self_id":"fumigación","flags":["Unauthenticated"]}}""", StringComparison.Ordinal);
        using var posted = await rid.PostAsync("/api/v1/observations", Content(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var data = await stream.WaitForAsync("tracks", d => d.Contains("1596F3ABCD", StringComparison.Ordinal), Within);
        using var doc = JsonDocument.Parse(data);
        var track = Assert.Single(doc.RootElement.GetProperty("updated").EnumerateArray());
        Assert.True(track.GetProperty("cooperative").GetBoolean());
        Assert.Equal(19.2, track.GetProperty("position").GetProperty("lat").GetDouble(), 4);
        Assert.Equal("HelicopterOrMultirotor", track.GetProperty("ua_type").GetString());
        Assert.Equal("MEX-OP-0042", track.GetProperty("operator_id").GetString());
        Assert.Equal("fumigación", track.GetProperty("self_id").GetString());
        Assert.Equal(["Unauthenticated"], track.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["rid-1"], track.GetProperty("sensors").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("live", doc.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task ARadarTarget_IsConfirmedOnTheStreamByTheStepOfItsThirdPlot()
    {
        var radar = _app.ClientWith(await _app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition));
        using var viewer = _app.ClientWith(await _app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        using var stream = await OpenStreamAsync(viewer);
        await stream.WaitForAsync("snapshot", _ => true, Within);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-3);

        for (var k = 0; k < 3; k++)
        {
            using var r = await radar.PostAsync("/api/v1/observations", Content(Rae("radar-1", $"s-{k}", t0.AddSeconds(k), 1500 - (10 * k), 60, 3)), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var data = await stream.WaitForAsync("tracks", d => d.Contains("\"status\":\"confirmed\"", StringComparison.Ordinal), Within);
        using var doc = JsonDocument.Parse(data);
        var track = Assert.Single(doc.RootElement.GetProperty("updated").EnumerateArray());
        Assert.False(track.GetProperty("cooperative").GetBoolean());
        using var picture = JsonDocument.Parse(await viewer.GetStringAsync("/api/v1/tracks", TestContext.Current.CancellationToken));
        Assert.Contains(picture.RootElement.GetProperty("tracks").EnumerateArray(), t => t.GetProperty("id").GetInt64() == track.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task TheStream_WithoutAKey_Returns401_AndAcceptsTheKeyAsAccessToken()
    {
        var key = await _app.AddKeyAsync("screen", ApiKeyRole.Viewer);
        using var anonymous = _app.ClientWith(null);

        using var refused = await anonymous.GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var accepted = await anonymous.GetAsync($"/api/v1/stream?access_token={key}", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("text/event-stream", accepted.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<SseReader> OpenStreamAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }
}
