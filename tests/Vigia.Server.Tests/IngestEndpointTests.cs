using System.Net;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>POST /api/v1/observations through the real pipeline and SQLite journal.</summary>
public sealed class IngestEndpointTests : IAsyncLifetime
{
    private readonly VigiaServerFactory _app = new(settings: new Dictionary<string, string?> { ["Vigia:MaxRequestBodyBytes"] = "65536" });
    private string _radar = "";

    public async ValueTask InitializeAsync() => _radar = await _app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Post_OneObservation_IsAcknowledgedAfterItIsInTheJournal()
    {
        using var client = _app.ClientWith(_radar);
        var t = DateTimeOffset.UtcNow;

        using var response = await client.PostAsync("/api/v1/observations", Content(Rae("radar-1", "a-1", t, 1200, 45, 3)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var result = Assert.Single(body.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("a-1", result.GetProperty("id").GetString());
        Assert.False(result.GetProperty("duplicate").GetBoolean());
        var stored = await ReadAllAsync();
        var o = Assert.Single(stored).Observation;
        Assert.Equal("a-1", o.ClientId);
        Assert.Equal(1200, o.Measurement.V0);
        Assert.Equal(Math.PI / 4, o.Measurement.V1, 12);
    }

    [Fact]
    public async Task Post_TheSameIdTwice_IsJournalledOnceAndTheRetryIsMarkedDuplicate()
    {
        using var client = _app.ClientWith(_radar);
        var body = Rae("radar-1", "retry-1", DateTimeOffset.UtcNow, 900, 10, 2);

        using var first = await client.PostAsync("/api/v1/observations", Content(body), TestContext.Current.CancellationToken);
        using var second = await client.PostAsync("/api/v1/observations", Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"duplicate\":true", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(await ReadAllAsync());
    }

    [Fact]
    public async Task Post_BatchWithOneBadItem_Returns422NamingItemAndField_AndWritesNothing()
    {
        using var client = _app.ClientWith(_radar);
        var t = DateTimeOffset.UtcNow;
        var batch = Batch([Rae("radar-1", "b-0", t, 1000, 0, 1), Geodetic("radar-1", "b-1", t, 91.5, -102.85, 500), Rae("radar-1", "b-2", t, 1000, 0, 1)]);

        using var response = await client.PostAsync("/api/v1/observations", Content(batch), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(await ErrorsAsync(response));
        Assert.Equal((1, "values[0]"), (error.Index, error.Field));
        Assert.Contains("latitude", error.Reason, StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync());
    }

    [Theory]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":"1,2,3","covariance":[1,1,1]}""", "values", "must be an array")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,"NaN",3],"covariance":[1,1,1]}""", "values[1]", "finite number")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"yesterday","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "sensor_time", "RFC 3339")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"sonar","values":[1,2,3],"covariance":[1,1,1]}""", "kind", "not one of")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,2]}""", "covariance", "expected 3 variances")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,-1,1]}""", "covariance", "positive-definite")]
    [InlineData("""{"sensor_id":"radar-1","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "id", "required")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"bearing","values":[12],"covariance":[1]}""", "kind", "a 'radar' sensor may send")]
    [InlineData("""{"sensor_id":"radar-9","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "sensor_id", "not registered")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1],"colour":"red"}""", "colour", "unknown field")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1],"identity":{"flags":[7]}}""", "identity.flags[0]", "must be a string")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"9999-01-01T00:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "sensor_time", "after 2262-04-11")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00Z","receive_time":"2263-01-01T00:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "receive_time", "after 2262-04-11")]
    [InlineData("""{"sensor_id":"radar-1","id":"x\udc00","sensor_time":"2026-11-25T18:00:00Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "id", "unpaired surrogate")]
    [InlineData("""{"sensor_id":"radar-1","id":"x","sensor_time":"2026-11-25T18:00:00\ud800Z","kind":"rae","values":[1,2,3],"covariance":[1,1,1]}""", "sensor_time", "RFC 3339")]
    public async Task Post_BadItem_Returns422WithTheField(string json, string field, string reason)
    {
        using var client = _app.ClientWith(_radar);

        using var response = await client.PostAsync("/api/v1/observations", Content(json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains(errors, e => e.Index == 0 && e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(await ReadAllAsync());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400WithLineAndByte()
    {
        using var client = _app.ClientWith(_radar);

        using var response = await client.PostAsync("/api/v1/observations", Content("{\"observations\":[\n{\"sensor_id\": }]}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await ProblemDetailAsync(response);
        Assert.StartsWith("line 2, byte", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413AndWritesNothing()
    {
        using var client = _app.ClientWith(_radar);
        var t = DateTimeOffset.UtcNow;
        var batch = Batch(Enumerable.Range(0, 1000).Select(i => Rae("radar-1", $"big-{i}", t, 1000, 0, 1)));

        using var response = await client.PostAsync("/api/v1/observations", Content(batch), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("65536 bytes", await ProblemDetailAsync(response), StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync());
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        using var client = _app.ClientWith(_radar);

        using var response = await client.PostAsync("/api/v1/observations", new StringContent("x"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForAnotherSensorWithASensorToken_Returns403AndWritesNothing()
    {
        await _app.AddSensorAsync("rid-1", "remote-id");
        using var client = _app.ClientWith(_radar);

        using var response = await client.PostAsync("/api/v1/observations", Content(Geodetic("rid-1", "g-1", DateTimeOffset.UtcNow, 19.2, -102.8, 500)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await ErrorsAsync(response), e => e.Field == "sensor_id");
        Assert.Empty(await ReadAllAsync());
    }

    [Fact]
    public async Task Post_AnAdminKeyMayPostForAnySensor_AViewerKeyMayNot()
    {
        var admin = await _app.AddKeyAsync("ops", ApiKeyRole.Admin);
        var viewer = await _app.AddKeyAsync("screen", ApiKeyRole.Viewer);
        var body = Rae("radar-1", "k-1", DateTimeOffset.UtcNow, 800, 90, 2);

        using var asViewer = await _app.ClientWith(viewer).PostAsync("/api/v1/observations", Content(body), TestContext.Current.CancellationToken);
        using var asAdmin = await _app.ClientWith(admin).PostAsync("/api/v1/observations", Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Fact]
    public async Task Get_Observations_ReturnsTheJournalFilteredBySensor()
    {
        using var sensorClient = _app.ClientWith(_radar);
        var t = DateTimeOffset.UtcNow;
        using var posted = await sensorClient.PostAsync("/api/v1/observations", Content(Batch([Rae("radar-1", "q-1", t, 700, 0, 1), Rae("radar-1", "q-2", t.AddSeconds(1), 710, 0, 1)])), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var viewer = _app.ClientWith(await _app.AddKeyAsync("screen", ApiKeyRole.Viewer));

        var json = await viewer.GetStringAsync("/api/v1/observations?sensor=radar-1&limit=10", TestContext.Current.CancellationToken);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["q-1", "q-2"], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("rae", doc.RootElement[0].GetProperty("kind").GetString());
    }

    private async Task<List<StoredObservation>> ReadAllAsync()
    {
        var list = new List<StoredObservation>();
        await foreach (var o in _app.Journal.ReadObservationsAsync(new ObservationQuery { BySequence = true }, TestContext.Current.CancellationToken))
        {
            list.Add(o);
        }

        return list;
    }

    internal static async Task<List<(int Index, string Field, string Reason)>> ErrorsAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("reason").GetString()!))];
    }

    internal static async Task<string> ProblemDetailAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return doc.RootElement.GetProperty("detail").GetString()!;
    }
}
