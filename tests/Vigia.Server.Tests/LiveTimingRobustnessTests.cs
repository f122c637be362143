using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Server.Hosting;
using Vigia.Server.Outputs.Tak;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>
/// The tracker's clock against bad input: a sensor stamping the future, a site gone silent, a restart
/// over such data, work committed while the picture was being recovered, and an output that throws.
/// </summary>
public sealed class LiveTimingRobustnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASensorStampingTheFuture_DoesNotStopAnotherSensorsDroneBeingTracked()
    {
        await using var app = new VigiaServerFactory();
        var fast = app.ClientWith(await app.AddSensorAsync("rid-fast", "remote-id"));
        var rid = app.ClientWith(await app.AddSensorAsync("rid-1", "remote-id"));
        using var admin = app.ClientWith(await app.AddKeyAsync("ops", ApiKeyRole.Admin));
        var now = DateTimeOffset.UtcNow;

        await PostAsync(fast, Geodetic("rid-fast", "ahead", now.AddMinutes(30), 19.21, -102.81, 500, "FAST-1"));
        await WaitForSensorAsync(admin, "rid-fast", s => s.GetProperty("future").GetInt64() == 1);
        await PostAsync(rid, Geodetic("rid-1", "on-time", DateTimeOffset.UtcNow, 19.2, -102.8, 500, "DRONE-1"));

        Assert.NotNull(await WaitForTrackAsync(admin, "DRONE-1", TimeSpan.FromSeconds(3)));
        var good = await WaitForSensorAsync(admin, "rid-1", s => s.GetProperty("accepted").GetInt64() == 1);
        Assert.Equal(0, good.GetProperty("late").GetInt64());
        Assert.Equal(2, await app.Journal.CountObservationsAsync(Ct));
    }

    [Fact]
    public async Task ARestartOverAFutureStampedRow_RecoversThePictureAtTheServerClock_AndTracksOnTime()
    {
        // A wide reorder window keeps the recovered track on display however long the restart takes.
        var dir = Vigia.Testing.TestPaths.NewTempDirectory();
        var settings = new Dictionary<string, string?> { ["Vigia:ReorderWindowSeconds"] = "5" };
        string ridToken, key;
        await using (var first = new VigiaServerFactory(dir, settings))
        {
            ridToken = await first.AddSensorAsync("rid-1", "remote-id");
            var fast = first.ClientWith(await first.AddSensorAsync("rid-fast", "remote-id"));
            key = await first.AddKeyAsync("ops", ApiKeyRole.Admin);
            await PostAsync(first.ClientWith(ridToken), Geodetic("rid-1", "before", DateTimeOffset.UtcNow, 19.2, -102.8, 500, "DRONE-7"));
            await PostAsync(fast, Geodetic("rid-fast", "ahead", DateTimeOffset.UtcNow.AddMinutes(30), 19.21, -102.81, 500, "FAST-1"));
            Assert.Equal(2, await first.Journal.CountObservationsAsync(Ct));
        }

        await using var second = new VigiaServerFactory(dir, settings);
        using var admin = second.ClientWith(key);
        Assert.NotNull(await WaitForTrackAsync(admin, "DRONE-7", TimeSpan.FromSeconds(2)));
        var picture = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tracks", Ct);
        Assert.True(picture.GetProperty("time").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddSeconds(1), $"recovered picture is in the future: {picture}");

        await PostAsync(second.ClientWith(ridToken), Geodetic("rid-1", "after", DateTimeOffset.UtcNow, 19.2, -102.8, 500, "DRONE-7"));
        Assert.NotNull(await WaitForTrackAsync(admin, "DRONE-7", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ATrackWhoseOnlySensorFallsSilent_LeavesThePictureWithinSeconds()
    {
        await using var app = new VigiaServerFactory();
        var rid = app.ClientWith(await app.AddSensorAsync("rid-1", "remote-id"));
        using var admin = app.ClientWith(await app.AddKeyAsync("ops", ApiKeyRole.Admin));
        for (var k = 2; k >= 0; k--)
        {
            await PostAsync(rid, Geodetic("rid-1", $"p-{k}", DateTimeOffset.UtcNow.AddSeconds(-0.3 * k), 19.2, -102.8 + (k * 1e-5), 500, "GONE-1"));
        }

        var lastPlot = Stopwatch.GetTimestamp();
        Assert.NotNull(await WaitForTrackAsync(admin, "GONE-1", TimeSpan.FromSeconds(2)));

        // Display coast 1.2 s + reorder window 1 s + the idle poll: about 2.5 s by the wall clock.
        while (await FindTrackAsync(admin, "GONE-1") is not null)
        {
            Assert.True(Stopwatch.GetElapsedTime(lastPlot) < TimeSpan.FromSeconds(3.5), "the silent track is still shown 3.5 s after its last plot");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task WorkCommittedBeforeTheRecoveryRead_IsNotAppliedTwice()
    {
        await using var app = new VigiaServerFactory();
        var radar = app.ClientWith(await app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition));
        var t = DateTimeOffset.UtcNow;
        for (var k = 2; k >= 0; k--)
        {
            await PostAsync(radar, Rae("radar-1", $"p-{k}", t.AddSeconds(-0.5 * k), 1500 - (k * 5), 40, 3));
        }

        var committed = await app.Journal.ReadObservationsAsync(new ObservationQuery(), Ct).FirstAsync(Ct);

        // Two loops rebuild the picture from the same journal; the second also finds the first
        // observation in its inbox, as when that request committed just before its recovery read.
        var options = Options.Create(new VigiaServerOptions { DataDirectory = app.DataDirectory, ReorderWindowSeconds = 30 });
        var referencePicture = new TrackPicture(options);
        var reference = NewLoop(app, options, new TrackerInbox(100), referencePicture);
        var inbox = new TrackerInbox(100);
        Assert.True(inbox.TryWrite(new TrackerWork([committed.Observation], Stopwatch.GetTimestamp()) { Sequences = [committed.Sequence] }));
        var twicePicture = new TrackPicture(options);
        var twice = NewLoop(app, options, inbox, twicePicture);
        await reference.StartAsync(Ct);
        await twice.StartAsync(Ct);
        for (var i = 0; i < 100 && !(referencePicture.Ready && twicePicture.Ready && inbox.Depth == 0); i++)
        {
            await Task.Delay(20, Ct);
        }

        await Task.Delay(200, Ct);
        await twice.StopAsync(Ct);
        await reference.StopAsync(Ct);

        // The replayed plot is not fed to the tracker again (it would come in as a reordered plot, counted
        // against the sensor), and both pictures agree.
        Assert.Equal((0, 0), (twice.Reordered, twice.Late));
        var expected = Assert.Single(referencePicture.Current.Tracks);
        var actual = Assert.Single(twicePicture.Current.Tracks);
        Assert.Equal(3, expected.Updates);
        Assert.Equal((expected.Updates, expected.PositionStdM), (actual.Updates, actual.PositionStdM));
    }

    [Fact]
    public async Task AnOutputThatThrows_IsCountedAndTrackingGoesOn()
    {
        await using var app = new VigiaServerFactory();
        await using var throwing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ICotPublisher, ThrowingCotPublisher>()));
        var rid = throwing.CreateClient();
        rid.DefaultRequestHeaders.Authorization = new("Bearer", await AddSensorAsync(throwing, "rid-1"));
        var key = Secrets.Generate(Secrets.KeyPrefix);
        var journal = throwing.Services.GetRequiredService<IJournal>();
        Assert.True(await journal.AddApiKeyAsync(new ApiKeyRecord { Name = "ops", Role = ApiKeyRole.Admin, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }, Secrets.Hash(key), Ct));
        using var admin = throwing.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", key);

        await PostAsync(rid, Geodetic("rid-1", "p-0", DateTimeOffset.UtcNow, 19.2, -102.8, 500, "BAD-XML"));
        Assert.NotNull(await WaitForTrackAsync(admin, "BAD-XML", TimeSpan.FromSeconds(2)));
        var second = DateTimeOffset.UtcNow.AddSeconds(0.5);
        await Task.Delay(600, Ct);
        await PostAsync(rid, Geodetic("rid-1", "p-1", second, 19.2, -102.80001, 500, "BAD-XML"));

        JsonElement? track = null;
        for (var i = 0; i < 40 && (track is not { } tr || tr.GetProperty("time").GetDateTimeOffset() < second.AddMilliseconds(-1)); i++)
        {
            await Task.Delay(50, Ct);
            track = await FindTrackAsync(admin, "BAD-XML");
        }

        Assert.True(track is { } updated && updated.GetProperty("time").GetDateTimeOffset() >= second.AddMilliseconds(-1), $"the track was not updated after the output threw: {track}");
        Assert.True(throwing.Services.GetRequiredService<TrackerLoop>().OutputFailures >= 2);
    }

    private static TrackerLoop NewLoop(VigiaServerFactory app, IOptions<VigiaServerOptions> options, TrackerInbox inbox, TrackPicture picture) =>
        ActivatorUtilities.CreateInstance<TrackerLoop>(app.Services, inbox, picture, options);

    private static async Task<string> AddSensorAsync(WebApplicationFactory<Program> app, string id)
    {
        var token = Secrets.Generate(Secrets.SensorPrefix);
        var record = new SensorRecord { Id = id, Kind = "remote-id", Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        Assert.True(await app.Services.GetRequiredService<IJournal>().AddSensorAsync(record, Secrets.Hash(token), Ct));
        await app.Services.GetRequiredService<SensorDirectory>().RefreshAsync(CancellationToken.None);
        return token;
    }

    private static async Task PostAsync(HttpClient client, string json)
    {
        using var r = await client.PostAsync("/api/v1/observations", Content(json), Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    private static async Task<JsonElement?> FindTrackAsync(HttpClient viewer, string uasId)
    {
        using var response = await viewer.GetAsync("/api/v1/tracks", Ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var doc = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        foreach (var t in doc.GetProperty("tracks").EnumerateArray())
        {
            if (t.TryGetProperty("uas_id", out var id) && id.GetString() == uasId)
            {
                return t;
            }
        }

        return null;
    }

    private static async Task<JsonElement?> WaitForTrackAsync(HttpClient viewer, string uasId, TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < within)
        {
            if (await FindTrackAsync(viewer, uasId) is { } track)
            {
                return track;
            }

            await Task.Delay(50, Ct);
        }

        return null;
    }

    private static async Task<JsonElement> WaitForSensorAsync(HttpClient admin, string id, Func<JsonElement, bool> condition)
    {
        JsonElement sensor = default;
        for (var i = 0; i < 60; i++)
        {
            foreach (var s in (await admin.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct)).EnumerateArray())
            {
                if (s.GetProperty("id").GetString() == id)
                {
                    sensor = s;
                }
            }

            if (sensor.ValueKind == JsonValueKind.Object && condition(sensor))
            {
                return sensor;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail($"sensor {id} never met the condition: {sensor}");
        return sensor;
    }

    /// <summary>A TAK output whose track events cannot be written (as an XML writer refusing a character in a UAS ID).</summary>
    private sealed class ThrowingCotPublisher : ICotPublisher
    {
        public bool Enabled => true;

        public void Publish(XElement cotEvent)
        {
        }

        public void PublishTracks(Timestamp time, IReadOnlyList<TrackSnapshot> tracks, LocalTangentPlane frame, Func<string, bool>? isAllowListed = null) =>
            throw new ArgumentException("'\uFFFE', hexadecimal value 0xFFFE, is an invalid character.");
    }
}
