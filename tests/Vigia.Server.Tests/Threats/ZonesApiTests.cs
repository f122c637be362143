using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests.Threats;

/// <summary><c>/api/v1/zones</c> and <c>/api/v1/allow-list</c> over the real server and SQLite journal.</summary>
public sealed class ZonesApiTests : IAsyncLifetime
{
    private readonly VigiaServerFactory _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal static string CircleZone(string id, double lat, double lon, double radius, double buffer = 500, int? version = null)
    {
        var versionMember = version is { } v ? $",\"version\":{v}" : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{lon}},{{lat}}]},"properties":{"id":"{{id}}","name":"Zona {{id}}","kind":"village","radius_m":{{radius}},"floor_m":0,"ceiling_m":10000,"height_ref":"ellipsoid","buffer_m":{{buffer}}{{versionMember}}""") + "}}";
    }

    [Fact]
    public async Task Zones_CreateReadEditDelete_VersionedAndAudited()
    {
        using var op = _app.ClientWith(await _app.AddKeyAsync("ana", ApiKeyRole.Operator));
        using (var created = await op.PostAsync("/api/v1/zones", Content(CircleZone("la-romera", 19.05, -102.79, 400)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var again = await op.PostAsync("/api/v1/zones", Content(CircleZone("la-romera", 19.05, -102.79, 400)), Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var list = await op.GetFromJsonAsync<JsonElement>("/api/v1/zones", Ct);
        var feature = Assert.Single(list.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal(1, feature.GetProperty("properties").GetProperty("version").GetInt32());
        Assert.Equal("ana", feature.GetProperty("properties").GetProperty("updated_by").GetString());

        using (var edited = await op.PutAsync("/api/v1/zones/la-romera", Content(CircleZone("la-romera", 19.05, -102.79, 600, version: 1)), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            Assert.Equal("\"2\"", edited.Headers.ETag!.Tag);
        }

        using (var stale = await op.PutAsync("/api/v1/zones/la-romera", Content(CircleZone("la-romera", 19.05, -102.79, 700, version: 1)), Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var one = await op.GetFromJsonAsync<JsonElement>("/api/v1/zones/la-romera", Ct);
        Assert.Equal(600, one.GetProperty("properties").GetProperty("radius_m").GetDouble());

        using (var deleted = await op.DeleteAsync("/api/v1/zones/la-romera", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty((await op.GetFromJsonAsync<JsonElement>("/api/v1/zones", Ct)).GetProperty("features").EnumerateArray());
        var history = await op.GetFromJsonAsync<JsonElement>("/api/v1/zones/la-romera/history", Ct);
        Assert.Equal(["created", "updated", "deleted"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-102.8,19.0],[-102.7,19.1],[-102.7,19.0],[-102.8,19.1],[-102.8,19.0]]]},"properties":{"id":"bowtie","name":"B","kind":"village","floor_m":0,"ceiling_m":100,"height_ref":"agl"}}""", "polygon")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[-102.8,19.0]},"properties":{"id":"c","name":"C","kind":"school","radius_m":0,"floor_m":0,"ceiling_m":100,"height_ref":"agl"}}""", "radius_m")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-102.8,19.0],[-102.8,19.0],[-102.8,19.0],[-102.8,19.0]]]},"properties":{"id":"flat","name":"F","kind":"village","floor_m":0,"ceiling_m":100,"height_ref":"agl"}}""", "polygon")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[-102.8,19.0]},"properties":{"id":"c","name":"C","kind":"school","radius_m":50,"floor_m":100,"ceiling_m":10,"height_ref":"agl"}}""", "floor_m")]
    [InlineData("""{"type":"Feature",""", "document")]
    public async Task InvalidZones_Get422NamingTheField_AndNothingIsStored(string body, string field)
    {
        using var op = _app.ClientWith(await _app.AddKeyAsync("ana", ApiKeyRole.Operator));
        using var response = await op.PostAsync("/api/v1/zones", Content(body), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty((await op.GetFromJsonAsync<JsonElement>("/api/v1/zones", Ct)).GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task Viewers_ReadButCannotEdit()
    {
        using var viewer = _app.ClientWith(await _app.AddKeyAsync("v", ApiKeyRole.Viewer));
        using var anonymous = _app.ClientWith(null);
        using (var post = await viewer.PostAsync("/api/v1/zones", Content(CircleZone("z", 19, -102.8, 100)), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using (var get = await anonymous.GetAsync("/api/v1/zones", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/zones", Ct)).StatusCode);
    }

    [Fact]
    public async Task AllowList_PutListDelete()
    {
        using var op = _app.ClientWith(await _app.AddKeyAsync("ana", ApiKeyRole.Operator));
        using (var put = await op.PutAsync("/api/v1/allow-list/SURVEY-1", Content("""{"uas_id":"SURVEY-1","description":"levantamiento municipal"}"""), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var bad = await op.PutAsync("/api/v1/allow-list/X", Content("""{"uas_id":"X","description":"","from":"2026-01-02T00:00:00Z","to":"2026-01-01T00:00:00Z"}"""), Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        }

        var list = await op.GetFromJsonAsync<JsonElement>("/api/v1/allow-list", Ct);
        Assert.Equal(("SURVEY-1", "ana"), (list[0].GetProperty("uas_id").GetString(), list[0].GetProperty("created_by").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/v1/allow-list/SURVEY-1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync("/api/v1/allow-list/SURVEY-1", Ct)).StatusCode);
    }
}
