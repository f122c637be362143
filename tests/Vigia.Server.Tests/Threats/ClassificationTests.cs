using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests.Threats;

/// <summary>Classification evidence on observations → on tracks; a manned aircraft over a zone raises nothing.</summary>
public sealed class ClassificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private readonly VigiaServerFactory _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Classified(string body, string classification) =>
        body[..^1] + ",\"classification\":" + classification + "}";

    [Fact]
    public async Task AMannedAircraftOverAZone_IsATrackWithItsClass_AndRaisesNoAlert_WhileADroneBesideItDoes()
    {
        var adsb = _app.ClientWith(await _app.AddSensorAsync("adsb-1", "adsb"));
        var sapient = _app.ClientWith(await _app.AddSensorAsync("eo-1", "sapient"));
        using var op = _app.ClientWith(await _app.AddKeyAsync("ana", ApiKeyRole.Operator));
        using (var zone = await op.PostAsync("/api/v1/zones", Content(ZonesApiTests.CircleZone("la-romera", 19.05, -102.79, 2000, buffer: 0)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        }

        await Task.Delay(300, Ct);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-6);
        for (var k = 0; k < 5; k++)
        {
            var planeBody = Classified(Geodetic("adsb-1", $"a-{k}", t0.AddSeconds(k), 19.05, -102.79 + (0.001 * k), 900, uasId: "ICAO-0D0A1B"),
                """{"class":"manned_aircraft","source":"adsb","label":"AMX123"}""");
            var droneBody = Classified(Geodetic("eo-1", $"d-{k}", t0.AddSeconds(k), 19.045, -102.795, 450),
                """{"class":"uav_rotary_wing","confidence":0.8,"label":"UAV Rotary Wing"}""");
            using var r1 = await adsb.PostAsync("/api/v1/observations", Content(planeBody), Ct);
            using var r2 = await sapient.PostAsync("/api/v1/observations", Content(droneBody), Ct);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (r1.StatusCode, r2.StatusCode));
        }

        JsonElement alerts = default;
        for (var i = 0; i < 100; i++)
        {
            alerts = await op.GetFromJsonAsync<JsonElement>("/api/v1/alerts", Ct);
            if (alerts.GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        var picture = await op.GetFromJsonAsync<JsonElement>("/api/v1/tracks", Ct);
        var tracks = picture.GetProperty("tracks").EnumerateArray().ToList();
        var plane = Assert.Single(tracks, t => t.TryGetProperty("uas_id", out var u) && u.GetString() == "ICAO-0D0A1B");
        Assert.Equal(("manned_aircraft", "adsb", "AMX123"), (plane.GetProperty("object_class").GetString(), plane.GetProperty("class_source").GetString(), plane.GetProperty("class_label").GetString()));
        var drone = Assert.Single(tracks, t => t.TryGetProperty("object_class", out var c) && c.GetString() == "uav_rotary_wing");
        Assert.Equal(("sapient", 0.8, "eo-1"), (drone.GetProperty("class_source").GetString(), drone.GetProperty("class_confidence").GetDouble(), drone.GetProperty("class_sensor").GetString()));

        var alert = Assert.Single(alerts.EnumerateArray().ToList());
        Assert.Equal([drone.GetProperty("id").GetInt64()], alert.GetProperty("track_ids").EnumerateArray().Select(t => t.GetInt64()));
    }

    [Theory]
    [InlineData("""{"class":"dragon"}""", "classification.class")]
    [InlineData("""{"confidence":0.5}""", "classification.class")]
    [InlineData("""{"class":"uav","confidence":1.5}""", "classification.confidence")]
    [InlineData("""{"class":"uav","source":"rumour"}""", "classification.source")]
    [InlineData("""{"class":"uav","colour":"red"}""", "classification.colour")]
    [InlineData("\"uav\"", "classification")]
    public async Task BadClassifications_Get422NamingTheField(string classification, string field)
    {
        var sapient = _app.ClientWith(await _app.AddSensorAsync("eo-1", "sapient"));
        using var r = await sapient.PostAsync("/api/v1/observations", Content(Classified(Geodetic("eo-1", "x", DateTimeOffset.UtcNow, 19.05, -102.79, 450), classification)), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }
}
