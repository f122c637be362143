using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>/api/v1/info, the exercise marking of everything an exercise server says, and sensor ranges.</summary>
public sealed class InfoTests
{
    [Fact]
    public async Task AnExerciseServer_SaysSoInInfoAndOnEveryStreamEvent()
    {
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?> { ["Vigia:Exercise"] = "true", ["Vigia:Origin"] = "19.19,-102.85,420" });
        var rid = app.ClientWith(await app.AddSensorAsync("rid-1", "remote-id"));
        using var viewer = app.ClientWith(await app.AddKeyAsync("screen", ApiKeyRole.Viewer));

        var info = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/info", TestContext.Current.CancellationToken);
        using var response = await viewer.GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var stream = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var snapshot = await stream.WaitForAsync("snapshot", _ => true, TimeSpan.FromSeconds(10));
        using (var posted = await rid.PostAsync("/api/v1/observations", Content(Geodetic("rid-1", "e-1", DateTimeOffset.UtcNow, 19.2, -102.8, 500, "EX-1")), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var tracks = await stream.WaitForAsync("tracks", d => d.Contains("EX-1", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.True(info.GetProperty("exercise").GetBoolean());
        Assert.Equal(19.19, info.GetProperty("origin").GetProperty("lat").GetDouble());
        Assert.True(JsonDocument.Parse(snapshot).RootElement.GetProperty("exercise").GetBoolean());
        Assert.True(JsonDocument.Parse(tracks).RootElement.GetProperty("exercise").GetBoolean());
    }

    [Fact]
    public async Task ARealServer_SaysExerciseFalse_AndItsEventsCarryNoExerciseField()
    {
        await using var app = new VigiaServerFactory();
        using var viewer = app.ClientWith(await app.AddKeyAsync("screen", ApiKeyRole.Viewer));

        var info = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/info", TestContext.Current.CancellationToken);
        var picture = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/tracks", TestContext.Current.CancellationToken);

        Assert.False(info.GetProperty("exercise").GetBoolean());
        Assert.Equal(JsonValueKind.Null, info.TryGetProperty("origin", out var o) ? o.ValueKind : JsonValueKind.Null);
        Assert.False(picture.TryGetProperty("exercise", out _));
        Assert.False(string.IsNullOrEmpty(info.GetProperty("version").GetString()));
    }

    [Theory]
    [InlineData(ApiKeyRole.Viewer, "viewer")]
    [InlineData(ApiKeyRole.Operator, "operator")]
    [InlineData(ApiKeyRole.Admin, "admin")]
    public async Task Info_SaysTheCallersRole(ApiKeyRole role, string expected)
    {
        await using var app = new VigiaServerFactory();
        using var client = app.ClientWith(await app.AddKeyAsync("k", role));
        var info = await client.GetFromJsonAsync<JsonElement>("/api/v1/info", TestContext.Current.CancellationToken);
        Assert.Equal(expected, info.GetProperty("role").GetString());
    }

    [Fact]
    public async Task ASensorRegisteredWithARange_ShowsIt_AndANonPositiveRangeIsRefused()
    {
        await using var app = new VigiaServerFactory();
        using var admin = app.ClientWith(await app.AddKeyAsync("ops", ApiKeyRole.Admin));

        using var created = await admin.PostAsync("/api/v1/sensors", Content("""{"id":"radar-1","kind":"radar","position":[19.19,-102.85,420],"range_m":3500}"""), TestContext.Current.CancellationToken);
        using var refused = await admin.PostAsync("/api/v1/sensors", Content("""{"id":"radar-2","kind":"radar","range_m":-5}"""), TestContext.Current.CancellationToken);
        var sensors = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sensors", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(3500, sensors[0].GetProperty("range_m").GetDouble());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(await IngestEndpointTests.ErrorsAsync(refused), e => e.Field == "range_m");
    }

    [Fact]
    public async Task AConfiguredBasemap_IsAnnouncedInInfo_ThePmtilesFileIsServedInRanges_AndThePageMayReachHttpsHosts()
    {
        var pmtiles = Vigia.Testing.TestPaths.SharedData("geo", "pmtiles", "stamen-toner-world-z0-3.pmtiles");
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:ConsoleStyleUrl"] = "https://tiles.example.org/style.json",
            ["Vigia:ConsolePmtiles"] = pmtiles,
        });
        using var viewer = app.ClientWith(await app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        using var anonymous = app.ClientWith(null);

        var info = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/info", TestContext.Current.CancellationToken);
        using var range = new HttpRequestMessage(HttpMethod.Get, "/basemap/custom.pmtiles");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 6);
        using var head = await anonymous.SendAsync(range, TestContext.Current.CancellationToken);
        using var page = await anonymous.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("https://tiles.example.org/style.json", info.GetProperty("basemap").GetProperty("style_url").GetString());
        Assert.Equal("/basemap/custom.pmtiles", info.GetProperty("basemap").GetProperty("pmtiles_url").GetString());
        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal("PMTiles", System.Text.Encoding.ASCII.GetString(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.Contains("connect-src 'self' data: blob: https:", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAConfiguredBasemap_InfoHasNone_AndThePageMayOnlyReachItsOwnOrigin()
    {
        await using var app = new VigiaServerFactory();
        using var viewer = app.ClientWith(await app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        using var anonymous = app.ClientWith(null);

        var info = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/info", TestContext.Current.CancellationToken);
        using var pmtiles = await anonymous.GetAsync("/basemap/custom.pmtiles", TestContext.Current.CancellationToken);
        using var page = await anonymous.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.False(info.TryGetProperty("basemap", out _));
        Assert.Equal(HttpStatusCode.NotFound, pmtiles.StatusCode);
        Assert.DoesNotContain("https:", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
