using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Vigia.Server.Web;

/// <summary>
/// The web console (src/Vigia.Web, built by Web/Console.targets and embedded in this assembly) at <c>/</c>:
/// anonymous, since the sign-in page must load before anyone has a key; every <c>/api/v1</c> route keeps
/// its own authorisation. Hashed files under <c>assets/</c> are cached for a year; everything else is
/// revalidated (ETag), so a new build shows at the next load. Text is sent gzip-compressed when asked.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>Prefix of the console's manifest resource names.</summary>
    internal const string ResourcePrefix = "VigiaConsole/";

    // The page may only talk to its own origin: no CDN, font or tile host can be reached by accident.
    // MapLibre runs its worker from a blob: URL and draws images from data:/blob: URLs.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self' data: blob:; worker-src 'self' blob:; child-src blob:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    // Only when an operator configured an online basemap style (Vigia:ConsoleStyleUrl): its style, tiles,
    // glyphs and sprites may then come from HTTPS hosts; scripts still only from this server.
    private const string OnlineBasemapPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "font-src 'self' https:; connect-src 'self' data: blob: https:; worker-src 'self' blob:; child-src blob:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Maps <c>GET /</c> (index.html) and <c>GET /{path}</c> for the console's files.</summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = ConsoleAssets.FromAssembly(typeof(ConsoleEndpoints).Assembly);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", methods, (HttpContext context) => ServeAsync(context, assets, "index.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/{**path}", methods, (HttpContext context, string path) => ServeAsync(context, assets, path)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task ServeAsync(HttpContext context, ConsoleAssets assets, string path)
    {
        var response = context.Response;
        // The catch-all never answers for the API (its unknown routes stay plain 404s) or with a file it lacks.
        if (path.StartsWith("api/", StringComparison.Ordinal) || assets.Find(path) is not { } asset)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = response.Headers;
        headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (asset.IsPage)
        {
            var online = context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<Hosting.VigiaServerOptions>>()?.Value.ConsoleStyleUrl;
            headers.ContentSecurityPolicy = string.IsNullOrWhiteSpace(online) ? ContentSecurityPolicy : OnlineBasemapPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = asset.Content;
        if (asset.Compressible && AcceptsGzip(context.Request) && asset.Gzipped is { } gzipped)
        {
            body = gzipped;
            headers.ContentEncoding = "gzip";
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The console's embedded files by path, each read (and compressed) once, on first request.</summary>
internal sealed class ConsoleAssets
{
    private readonly FrozenDictionary<string, ConsoleAsset> _byPath;

    private ConsoleAssets(FrozenDictionary<string, ConsoleAsset> byPath) => _byPath = byPath;

    /// <summary>Number of files.</summary>
    public int Count => _byPath.Count;

    /// <summary>The console's files among <paramref name="assembly"/>'s manifest resources.</summary>
    public static ConsoleAssets FromAssembly(Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        types.Mappings[".pbf"] = "application/x-protobuf";
        types.Mappings[".md"] = "text/markdown; charset=utf-8";
        types.Mappings[".txt"] = "text/plain; charset=utf-8";
        var files = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ConsoleEndpoints.ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var path = name[ConsoleEndpoints.ResourcePrefix.Length..].Replace('\\', '/');
            var type = types.TryGetContentType(path, out var t) ? t : "application/octet-stream";
            if (type is "text/html" or "text/css" or "text/javascript")
            {
                type += "; charset=utf-8";
            }

            files[path] = new ConsoleAsset(path, type, () => assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} vanished"));
        }

        return new ConsoleAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file at <paramref name="path"/> (relative, forward slashes), or null.</summary>
    public ConsoleAsset? Find(string path) => _byPath.GetValueOrDefault(path);
}

/// <summary>One console file: its bytes, gzip form, ETag, type and caching class.</summary>
internal sealed class ConsoleAsset
{
    private readonly Lazy<byte[]> _content;
    private readonly Lazy<byte[]?> _gzipped;
    private readonly Lazy<string> _etag;

    public ConsoleAsset(string path, string contentType, Func<Stream> open)
    {
        ContentType = contentType;
        Immutable = path.StartsWith("assets/", StringComparison.Ordinal);
        IsPage = path.EndsWith(".html", StringComparison.Ordinal);
        Compressible = contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal) ||
            contentType.Contains("javascript", StringComparison.Ordinal) || contentType.Contains("protobuf", StringComparison.Ordinal) ||
            contentType.Contains("svg", StringComparison.Ordinal);
        _content = new Lazy<byte[]>(() =>
        {
            using var stream = open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        _etag = new Lazy<string>(() => $"\"{Convert.ToHexStringLower(SHA256.HashData(_content.Value).AsSpan(0, 12))}\"");
        _gzipped = new Lazy<byte[]?>(() =>
        {
            var content = _content.Value;
            if (content.Length < 1024)
            {
                return null;
            }

            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(content);
            }

            return output.Length < content.Length ? output.ToArray() : null;
        });
    }

    /// <summary>MIME type (with charset for text).</summary>
    public string ContentType { get; }

    /// <summary>A content-hashed Vite asset: cached for a year.</summary>
    public bool Immutable { get; }

    /// <summary>An HTML page: gets the content security policy.</summary>
    public bool IsPage { get; }

    /// <summary>Worth sending gzip-compressed.</summary>
    public bool Compressible { get; }

    /// <summary>The file's bytes.</summary>
    public byte[] Content => _content.Value;

    /// <summary>The gzip form, or null when it would not be smaller.</summary>
    public byte[]? Gzipped => _gzipped.Value;

    /// <summary>Strong ETag from the content hash.</summary>
    public string ETag => _etag.Value;
}
