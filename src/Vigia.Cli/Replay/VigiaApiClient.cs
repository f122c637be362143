using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigia.Core.Geodesy;

namespace Vigia.Cli.Replay;

/// <summary>
/// A small client of the server's public API (<c>/api/v1/sensors</c>, <c>/api/v1/observations</c>) with a
/// bearer token. Ingest requests answered 429 or 503 are repeated after the server's <c>Retry-After</c>
/// (the same ids, so a request that was in fact written comes back as duplicates); any other failure is an
/// <see cref="ApiFailureException"/> carrying the problem document's detail.
/// </summary>
/// <remarks>Thread-safety: safe for concurrent requests (one shared <see cref="HttpClient"/>).</remarks>
internal sealed class VigiaApiClient : IDisposable
{
    private const int MaxRetries = 60;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    /// <param name="baseUri">The server, e.g. <c>http://127.0.0.1:8080/</c>.</param>
    /// <param name="token">Bearer token (an operator key <c>vgk_…</c> or a sensor token <c>vgs_…</c>).</param>
    public VigiaApiClient(Uri baseUri, string token)
    {
        BaseUri = baseUri;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The server's address.</summary>
    public Uri BaseUri { get; }

    /// <summary>Ids of every registered sensor (revoked included). Null if this token may not list sensors (401/403).</summary>
    public async Task<IReadOnlySet<string>?> ListSensorIdsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/sensors"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        await ThrowIfFailedAsync(response, "GET /api/v1/sensors", cancellationToken).ConfigureAwait(false);
        using var document = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sensor in document.RootElement.EnumerateArray())
        {
            ids.Add(sensor.GetProperty("id").GetString()!);
        }

        return ids;
    }

    /// <summary>Registers a sensor (admin key) and returns its token.</summary>
    public Task<string> RegisterSensorAsync(string id, string kind, GeoPosition? position, string description, CancellationToken cancellationToken) =>
        RegisterSensorAsync(id, kind, position, description, null, cancellationToken);

    /// <summary>Registers a sensor (admin key) with its coverage range in metres (shown by the console), and returns its token.</summary>
    public async Task<string> RegisterSensorAsync(string id, string kind, GeoPosition? position, string description, double? rangeMeters, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        body.Append("{\"id\":").Append(JsonSerializer.Serialize(id))
            .Append(",\"kind\":").Append(JsonSerializer.Serialize(kind))
            .Append(",\"description\":").Append(JsonSerializer.Serialize(description));
        if (position is { } p)
        {
            body.Append(CultureInfo.InvariantCulture, $",\"position\":[{p.LatitudeDegrees:R},{p.LongitudeDegrees:R},{p.HeightAboveEllipsoidMeters:R}]");
        }

        if (rangeMeters is { } range)
        {
            body.Append(CultureInfo.InvariantCulture, $",\"range_m\":{range:R}");
        }

        body.Append('}');
        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        using var response = await SendAsync(() => Post("api/v1/sensors", bytes), cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, $"registering sensor '{id}'", cancellationToken).ConfigureAwait(false);
        using var document = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>
    /// Creates the zones of a GeoJSON FeatureCollection (operator key) that the server lacks; returns how many
    /// were created. Zones that exist already (by id) are left as they are, so an operator's edits survive.
    /// </summary>
    public async Task<int> CreateMissingZonesAsync(string featureCollection, CancellationToken cancellationToken)
    {
        using var existing = JsonDocument.Parse(await GetTextAsync("api/v1/zones", cancellationToken).ConfigureAwait(false));
        var known = existing.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        using var wanted = JsonDocument.Parse(featureCollection);
        var created = 0;
        foreach (var feature in wanted.RootElement.GetProperty("features").EnumerateArray())
        {
            var id = feature.GetProperty("properties").GetProperty("id").GetString();
            if (known.Contains(id))
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(feature.GetRawText());
            using var response = await SendAsync(() => Post("api/v1/zones", bytes), cancellationToken).ConfigureAwait(false);
            await ThrowIfFailedAsync(response, $"creating zone '{id}'", cancellationToken).ConfigureAwait(false);
            created++;
        }

        return created;
    }

    /// <summary>Posts one <c>vigia-observation/1</c> body, repeating it on 429 and 503.</summary>
    public async Task<PostOutcome> PostObservationsAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        for (var retries = 0; ; retries++)
        {
            using var response = await SendAsync(() => Post("api/v1/observations", body), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && retries < MaxRetries)
            {
                await Task.Delay(RetryDelay(response), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ThrowIfFailedAsync(response, "POST /api/v1/observations", cancellationToken).ConfigureAwait(false);
            using var document = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            int items = 0, duplicates = 0;
            foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
            {
                items++;
                duplicates += result.GetProperty("duplicate").GetBoolean() ? 1 : 0;
            }

            return new PostOutcome(items, duplicates, retries);
        }
    }

    /// <summary>GET of a path as text (e.g. <c>metrics</c>); throws on a failure status.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, "GET /" + path, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a streaming GET (Server-Sent Events); the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }
        finally
        {
            request.Dispose();
        }

        await ThrowIfFailedAsync(response, "GET /" + path, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Post(string path, ReadOnlyMemory<byte> body)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = Json;
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var message = request();
        try
        {
            return await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ApiFailureException($"{BaseUri} did not answer within {_http.Timeout.TotalSeconds:F0} s ({ex.Message})");
        }
    }

    private ApiFailureException Unreachable(HttpRequestException ex) =>
        new($"cannot reach the server at {BaseUri}: {ex.Message}{(ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({inner.Message})" : "")}");

    private static TimeSpan RetryDelay(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        return delay < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : delay > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : delay;
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        throw new ApiFailureException($"{what}: {status}: {ProblemDetail(text, response.StatusCode)}");
    }

    /// <summary>The detail of an RFC 9457 problem document (with its first field error), else a short reason.</summary>
    private static string ProblemDetail(string body, HttpStatusCode status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : root.TryGetProperty("title", out var t) ? t.GetString() : null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var e = errors[0];
                var index = e.TryGetProperty("index", out var i) ? i.ToString() : "?";
                var field = e.TryGetProperty("field", out var f) ? f.GetString() : "?";
                var reason = e.TryGetProperty("reason", out var r) ? r.GetString() : "?";
                detail += $" (first: item {index}, {field}: {reason})";
            }

            if (!string.IsNullOrEmpty(detail))
            {
                return detail;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: fall through.
        }

        return status switch
        {
            HttpStatusCode.Unauthorized => "the key was not accepted (wrong, revoked, or missing)",
            HttpStatusCode.Forbidden => "this key may not do that (an admin key registers sensors and posts for any sensor)",
            HttpStatusCode.NotFound => "no such endpoint: is this a Vigía server?",
            _ => body.Length > 200 ? body[..200] : body,
        };
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
    }
}
