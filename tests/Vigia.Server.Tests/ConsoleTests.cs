using System.Net;
using System.Text.RegularExpressions;
using Vigia.Server.Tests.Support;

namespace Vigia.Server.Tests;

/// <summary>The embedded web console: served anonymously at <c>/</c>, while the API stays protected.</summary>
public sealed partial class ConsoleTests : IAsyncLifetime
{
    private readonly VigiaServerFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Root_WithoutAKey_ServesTheConsoleAndItsAssets_WhileTheApiAnswers401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.ClientWith(null);

        using var index = await client.GetAsync("/", ct);
        var html = await index.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.True(index.Headers.CacheControl?.NoCache, "index.html must be revalidated");
        Assert.Contains("<div id=\"app\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var script = ScriptSource().Match(html);
        Assert.True(script.Success, "index.html names its script");
        using var asset = await client.GetAsync(script.Groups[1].Value, ct);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
        Assert.True((await asset.Content.ReadAsByteArrayAsync(ct)).Length > 1000);

        using var basemap = await client.GetAsync("/basemap/locality-areas-45km.geojson", ct);
        Assert.Equal(HttpStatusCode.OK, basemap.StatusCode);

        using var api = await client.GetAsync("/api/v1/tracks", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var unknownApi = await client.GetAsync("/api/v1/no-such-route", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        using var missing = await client.GetAsync("/no-such-file.js", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Asset_WithItsETag_Returns304()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.ClientWith(null);
        using var first = await client.GetAsync("/", ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [GeneratedRegex("<script type=\"module\"[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
