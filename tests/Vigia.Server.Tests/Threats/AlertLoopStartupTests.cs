using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Alerting.Alerts;
using Vigia.Core.Time;
using Vigia.Server.Tests.Support;
using Vigia.Server.Threats;
using Vigia.Storage;
using Vigia.Storage.Alerts;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests.Threats;

/// <summary>
/// A site with no configured origin and no positioned sensor (Remote ID only): no picture frame until a drone is
/// seen, yet sensor health and the alerts restored at start-up reach the alert engine at once.
/// </summary>
public sealed class AlertLoopStartupTests : IAsyncDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private readonly string _dataDirectory = Vigia.Testing.TestPaths.NewTempDirectory();
    private readonly List<VigiaServerFactory> _apps = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    private VigiaServerFactory Start()
    {
        var app = new VigiaServerFactory(_dataDirectory, new Dictionary<string, string?> { ["Vigia:Alerting:ClearAfterSeconds"] = "1" });
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task AReceiverGoingDown_BeforeAnyDroneIsSeen_RaisesCoverageLost()
    {
        var app = Start();
        await app.AddSensorAsync("rid-1", "remote-id");
        using var op = app.ClientWith(await app.AddKeyAsync("ana", ApiKeyRole.Operator));
        using (var zone = await op.PostAsync("/api/v1/zones", Content(ZonesApiTests.CircleZone("la-romera", 19.05, -102.79, 400)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        }

        Assert.Null(app.Services.GetRequiredService<Pipeline.SensorDirectory>().Frame);

        // What the sensor monitor says when the receiver stops reporting.
        app.Services.GetRequiredService<AlertLoop>().SensorStateChanged("rid-1", down: true, Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow));

        var lost = await StandingAsync(op, a => a.GetProperty("kind").GetString() == "coverage_lost");
        Assert.Equal("rid-1", lost.GetProperty("sensor_id").GetString());
        Assert.Equal(["la-romera"], lost.GetProperty("covered_zone_ids").EnumerateArray().Select(z => z.GetString()));
        var journalled = await app.Services.GetRequiredService<IAlertStore>().ReadAlertEventsAsync(lost.GetProperty("id").GetString()!, null, null, 10, Ct);
        Assert.Equal("raised", Assert.Single(journalled).Change);
    }

    [Fact]
    public async Task AlertsRestoredAtStartUp_ClearWithoutWaitingForADrone_AndOneWhoseZoneIsGoneClearsAtOnce()
    {
        var first = Start();
        using (var op = first.ClientWith(await first.AddKeyAsync("ana", ApiKeyRole.Operator)))
        using (var zone = await op.PostAsync("/api/v1/zones", Content(ZonesApiTests.CircleZone("la-romera", 19.05, -102.79, 400)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        }

        // Standing when the server stopped: one alert of a zone that still exists, one of a zone deleted since.
        var raisedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        var kept = Standing("la-romera", raisedAt);
        var orphan = Standing("escuela", raisedAt);
        await first.Services.GetRequiredService<IAlertStore>().AppendAlertEventsAsync(
            [AlertJournalOutput.ToRecord(new AlertEvent(AlertChange.Raised, kept)), AlertJournalOutput.ToRecord(new AlertEvent(AlertChange.Raised, orphan))], Ct);
        await first.DisposeAsync();
        _apps.Remove(first);

        var app = Start();
        var store = app.Services.GetRequiredService<IAlertStore>();
        using var viewer = app.ClientWith(await app.AddKeyAsync("luis", ApiKeyRole.Viewer));
        Assert.Null(app.Services.GetRequiredService<Pipeline.SensorDirectory>().Frame);
        foreach (var alert in new[] { orphan, kept })
        {
            var deadline = DateTimeOffset.UtcNow + Within;
            IReadOnlyList<AlertEventRecord> versions;
            while ((versions = await store.ReadAlertEventsAsync(alert.Id, null, null, 10, Ct)).Count < 2 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100, Ct);
            }

            Assert.Equal([("raised", 1), ("cleared", 2)], versions.Select(v => (v.Change, v.Version)));
        }

        Assert.Empty((await viewer.GetFromJsonAsync<JsonElement>("/api/v1/alerts", Ct)).EnumerateArray());
    }

    private static Alert Standing(string zoneId, Timestamp at) => new()
    {
        Id = $"{zoneId}-restored",
        Version = 1,
        Kind = AlertKind.ZoneThreat,
        Level = AlertLevel.Alarm,
        PeakLevel = AlertLevel.Alarm,
        Reasons = [AlertReason.InsideZone, AlertReason.NoRemoteId],
        ZoneId = zoneId,
        ZoneName = zoneId,
        TrackIds = [7],
        ConditionSince = at,
        RaisedAt = at,
        UpdatedAt = at,
        ExpiresAt = at.AddSeconds(300),
        Exercise = false,
    };

    private static async Task<JsonElement> StandingAsync(HttpClient client, Func<JsonElement, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow + Within;
        while (true)
        {
            var standing = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts", Ct);
            foreach (var alert in standing.EnumerateArray().Where(match))
            {
                return alert;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "no matching standing alert within 20 s");
            await Task.Delay(100, Ct);
        }
    }
}
