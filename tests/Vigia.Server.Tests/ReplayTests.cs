using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>/api/v1/replays: a stored period through a fresh tracker, on its own stream, marked replay.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private readonly VigiaServerFactory _app = new();
    private readonly DateTimeOffset _t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
    private HttpClient _operator = null!;

    public async ValueTask InitializeAsync()
    {
        var rid = _app.ClientWith(await _app.AddSensorAsync("rid-1", "remote-id"));
        _operator = _app.ClientWith(await _app.AddKeyAsync("ops", ApiKeyRole.Operator));
        var items = Enumerable.Range(0, 10).Select(k => Geodetic("rid-1", $"h-{k}", _t0.AddSeconds(k), 19.2 + (k * 5e-5), -102.8, 500, "REPLAY-1"));
        using var r = await rid.PostAsync("/api/v1/observations", Content(Batch(items)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AReplay_PlaysTheStoredPeriodOnItsOwnStream_MarkedReplay_AndNeverOnTheLiveStream()
    {
        using var live = await OpenAsync("/api/v1/stream");
        await live.WaitForAsync("snapshot", _ => true, Within);

        var session = await StartAsync(speed: 0);
        using var replay = await OpenAsync($"/api/v1/replays/{session}/stream");

        // As fast as possible: the session may have ended before this subscription, in which case the
        // first event (the snapshot of its final picture) already shows the drone.
        var first = await replay.NextAsync(TestContext.Current.CancellationToken);
        Assert.Equal("snapshot", first?.Event);
        var tracks = first!.Value.Data.Contains("REPLAY-1", StringComparison.Ordinal)
            ? first.Value.Data
            : await replay.WaitForAsync("tracks", d => d.Contains("REPLAY-1", StringComparison.Ordinal), Within);
        Assert.Equal("replay", JsonDocument.Parse(tracks).RootElement.GetProperty("mode").GetString());
        await replay.WaitForAsync("replay", d => d.Contains("\"state\":\"finished\"", StringComparison.Ordinal), Within);
        var state = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", TestContext.Current.CancellationToken);
        Assert.Equal(10, state.GetProperty("observations").GetInt64());

        // The live stream carries only live events (the observations were ingested live, so their track may be
        // there, but as live): nothing of the replay session.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        try
        {
            while (await live.NextAsync(cts.Token) is { } e)
            {
                Assert.DoesNotContain("\"mode\":\"replay\"", e.Data, StringComparison.Ordinal);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task APausedReplay_StaysPut_UntilStepped()
    {
        var session = await StartAsync(speed: 0.01);
        using (var pause = await _operator.PostAsync($"/api/v1/replays/{session}/control", Content("""{"action":"pause"}"""), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);
        var before = (await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", TestContext.Current.CancellationToken)).GetProperty("observations").GetInt64();
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var still = (await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", TestContext.Current.CancellationToken)).GetProperty("observations").GetInt64();
        using (var step = await _operator.PostAsync($"/api/v1/replays/{session}/control", Content("""{"action":"step"}"""), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        }

        long after = still;
        for (var i = 0; i < 50 && after == still; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            after = (await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", TestContext.Current.CancellationToken)).GetProperty("observations").GetInt64();
        }

        Assert.Equal(before, still);
        Assert.Equal(still + 1, after);
    }

    [Fact]
    public async Task StartingAReplay_NeedsAnOperator_AndAValidPeriod()
    {
        using var viewer = _app.ClientWith(await _app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        var body = $$"""{"from":"{{Time(_t0)}}","to":"{{Time(_t0.AddSeconds(20))}}","speed":0}""";

        using var asViewer = await viewer.PostAsync("/api/v1/replays", Content(body), TestContext.Current.CancellationToken);
        using var backwards = await _operator.PostAsync("/api/v1/replays", Content($$"""{"from":"{{Time(_t0)}}","to":"{{Time(_t0.AddSeconds(-5))}}"}"""), TestContext.Current.CancellationToken);
        using var tooFast = await _operator.PostAsync("/api/v1/replays", Content($$"""{"from":"{{Time(_t0)}}","to":"{{Time(_t0.AddSeconds(5))}}","speed":600}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Contains(await IngestEndpointTests.ErrorsAsync(tooFast), e => e.Field == "speed");
    }

    [Fact]
    public async Task Seek_JumpsAheadWithTheDroneAlreadyConfirmedThere()
    {
        var session = await StartAsync(speed: 0.2);
        var target = _t0.AddSeconds(8);

        using (var seek = await _operator.PostAsync($"/api/v1/replays/{session}/control", Content($$"""{"action":"seek","to":"{{Time(target)}}"}"""), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, seek.StatusCode);
        }

        JsonElement state = default;
        for (var i = 0; i < 100; i++)
        {
            state = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", TestContext.Current.CancellationToken);
            if (state.TryGetProperty("position", out var position) && position.GetDateTimeOffset() >= target)
            {
                break;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        using var stream = await OpenAsync($"/api/v1/replays/{session}/stream");
        var snapshot = await stream.WaitForAsync("snapshot", _ => true, Within);

        Assert.True(state.GetProperty("position").GetDateTimeOffset() >= target, state.ToString());
        Assert.Contains("REPLAY-1", snapshot, StringComparison.Ordinal);
        using var bad = await _operator.PostAsync($"/api/v1/replays/{session}/control", Content("""{"action":"seek"}"""), TestContext.Current.CancellationToken);
        Assert.Contains(await IngestEndpointTests.ErrorsAsync(bad), e => e.Field == "to");
    }

    private async Task<string> StartAsync(double speed)
    {
        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""{"from":"{{Time(_t0.AddSeconds(-1))}}","to":"{{Time(_t0.AddSeconds(20))}}","speed":{{speed}}}""");
        using var created = await _operator.PostAsync("/api/v1/replays", Content(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<SseReader> OpenAsync(string path)
    {
        var response = await _operator.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }
}
