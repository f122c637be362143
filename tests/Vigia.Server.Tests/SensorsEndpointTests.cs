using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>/api/v1/sensors: registration by admins, health for viewers.</summary>
public sealed class SensorsEndpointTests : IAsyncLifetime
{
    private readonly VigiaServerFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAdminRegistersASensor_WhoseTokenThenPostsAndShowsUp()
    {
        using var admin = _app.ClientWith(await _app.AddKeyAsync("ops", ApiKeyRole.Admin));

        using var created = await admin.PostAsync("/api/v1/sensors", Content("""{"id":"df-1","kind":"direction-finder","position":[19.2,-102.8,400],"description":"mast"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = doc.RootElement.GetProperty("token").GetString()!;
        Assert.StartsWith("vgs_", token, StringComparison.Ordinal);
        using var sensor = _app.ClientWith(token);
        const string Bearing = """{"sensor_id":"df-1","id":"d-1","sensor_time":"2026-11-25T18:00:00Z","kind":"bearing","values":[123.5],"covariance":[4]}""";
        using var posted = await sensor.PostAsync("/api/v1/observations", Content(Bearing), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var sensors = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sensors", TestContext.Current.CancellationToken);
        var df = Assert.Single(sensors.EnumerateArray());
        Assert.True(df.TryGetProperty("clock_offset_s", out _), df.ToString());
        Assert.Equal("df-1", df.GetProperty("id").GetString());
        Assert.Equal("up", df.GetProperty("state").GetString());
        Assert.Equal(1, df.GetProperty("accepted").GetInt64());
        Assert.True(df.GetProperty("clock_offset_s").GetDouble() > 0, "a 2026-11-25T18:00 sensor time is in the past: positive offset");
        Assert.Equal(123.5, df.GetProperty("last_bearing").GetProperty("azimuth_deg").GetDouble(), 9);
        Assert.False(df.GetProperty("last_bearing").TryGetProperty("elevation_deg", out _));
    }

    [Fact]
    public async Task RegisteringTwiceOrWithABadKind_IsRefused_AndAViewerMayNotRegister()
    {
        using var admin = _app.ClientWith(await _app.AddKeyAsync("ops", ApiKeyRole.Admin));
        using var viewer = _app.ClientWith(await _app.AddKeyAsync("screen", ApiKeyRole.Viewer));
        using var first = await admin.PostAsync("/api/v1/sensors", Content("""{"id":"r1","kind":"radar","position":[19.2,-102.8,400]}"""), TestContext.Current.CancellationToken);

        using var again = await admin.PostAsync("/api/v1/sensors", Content("""{"id":"r1","kind":"radar"}"""), TestContext.Current.CancellationToken);
        using var badKind = await admin.PostAsync("/api/v1/sensors", Content("""{"id":"r2","kind":"laser"}"""), TestContext.Current.CancellationToken);
        using var asViewer = await viewer.PostAsync("/api/v1/sensors", Content("""{"id":"r3","kind":"radar"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind.StatusCode);
        Assert.Contains(await IngestEndpointTests.ErrorsAsync(badKind), e => e.Field == "kind");
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
    }

    [Fact]
    public async Task ASensorNeverHeardFrom_IsDown_AndARevokedOneSaysSo()
    {
        await _app.AddSensorAsync("quiet", "remote-id");
        await _app.AddSensorAsync("gone", "remote-id");
        using var admin = _app.ClientWith(await _app.AddKeyAsync("ops", ApiKeyRole.Admin));
        using var revoked = await admin.DeleteAsync("/api/v1/sensors/gone", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var sensors = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sensors", TestContext.Current.CancellationToken);

        var states = sensors.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Equal("down", states["quiet"]);
        Assert.Equal("revoked", states["gone"]);
    }
}
