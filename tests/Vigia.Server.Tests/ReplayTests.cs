using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task ReplayedAlerts_PlayAtTheirOwnTime_InAGapBetweenPlots_NewestVersionWins_AndAnUnreadableRowIsSkipped()
    {
        // Plots at t0 … t0+9 (InitializeAsync) and t0+60 … t0+62: a 50-s gap in which no sensor reported.
        var rid = _app.ClientWith(await _app.AddSensorAsync("rid-2", "remote-id"));
        var later = Enumerable.Range(60, 3).Select(k => Geodetic("rid-2", $"l-{k}", _t0.AddSeconds(k), 19.2, -102.8, 500, "REPLAY-2"));
        using (var r = await rid.PostAsync("/api/v1/observations", Content(Batch(later)), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        // In the gap: an alarm raised at t0+30 (v1) and its next version (v2) journalled with an earlier time, as an
        // acknowledgement stamped by the server's clock can be; and one row no version of Vigía can read.
        var store = _app.Services.GetRequiredService<Vigia.Storage.Alerts.IAlertStore>();
        var raisedAt = Vigia.Core.Time.Timestamp.FromDateTimeOffset(_t0.AddSeconds(30));
        var v1 = Outputs.Webhooks.WebhookHarness.Alarm(raisedAt, 300);
        var v2 = Outputs.Webhooks.WebhookHarness.Alarm(raisedAt, 300, version: 2);
        v2 = v2 with { Alert = v2.Alert with { UpdatedAt = raisedAt.AddSeconds(-0.5), Acknowledgement = new Vigia.Alerting.Alerts.Acknowledgement("ana", raisedAt.AddSeconds(-0.5)) } };
        await store.AppendAlertEventsAsync(
            [Vigia.Server.Threats.AlertJournalOutput.ToRecord(v1), Vigia.Server.Threats.AlertJournalOutput.ToRecord(v2),
             new Vigia.Storage.Alerts.AlertEventRecord(0, "broken-1", 1, raisedAt, "raised", 3, false, "{}")],
            TestContext.Current.CancellationToken);

        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""{"from":"{{Time(_t0.AddSeconds(-1))}}","to":"{{Time(_t0.AddSeconds(70))}}","speed":20}""");
        using var created = await _operator.PostAsync("/api/v1/replays", Content(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!;
        using var stream = await OpenAsync($"/api/v1/replays/{session}/stream");

        // The alert comes while the replay is in the gap: before the plots of t0+60 play.
        var events = new List<(string Event, string Data)>();
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            while (await stream.NextAsync(timeout.Token) is { } e)
            {
                events.Add(e);
                if (e.Event == "replay" && e.Data.Contains("\"state\":\"finished\"", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        var firstAlert = events.FindIndex(e => e.Event == "alert");
        var laterPlots = events.FindIndex(e => e.Event == "tracks" && e.Data.Contains("REPLAY-2", StringComparison.Ordinal));
        Assert.True(firstAlert >= 0, string.Join("\n", events.Select(e => e.Event)));
        Assert.True(laterPlots > firstAlert, $"alert at {firstAlert}, the plots after the gap at {laterPlots}");
        var played = events.Where(e => e.Event == "alert").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("alert").GetProperty("version").GetInt32()).ToList();
        Assert.Equal([2], played); // v2 (journalled at an earlier time) first; v1 then never replaces it

        // Connecting after the end: the standing alert as its newest version, the unreadable row skipped.
        using var again = await OpenAsync($"/api/v1/replays/{session}/stream");
        var standing = JsonDocument.Parse(await again.WaitForAsync("alerts", _ => true, Within)).RootElement.GetProperty("alerts");
        Assert.Equal((2, "ana"), (Assert.Single(standing.EnumerateArray()).GetProperty("version").GetInt32(), standing[0].GetProperty("acknowledged_by").GetString()));
        var state = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", TestContext.Current.CancellationToken);
        Assert.Equal("finished", state.GetProperty("state").GetString());
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
