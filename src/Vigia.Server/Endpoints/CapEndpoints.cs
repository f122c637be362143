using Microsoft.Extensions.Options;
using Vigia.Alerting.Cap;
using Vigia.Server.Security;
using Vigia.Server.Threats;

namespace Vigia.Server.Endpoints;

/// <summary>
/// Public warning in OASIS CAP 1.2, built from the alert journal: <c>GET /cap/feed.atom</c> (an Atom feed of
/// every alert's latest, unexpired message) and <c>GET /cap/{identifier}.xml</c> (one message; identifiers
/// are <c>vigia-{alert id}-{version}</c>; an Update or Cancel references every earlier message of its alert).
/// Readable with a viewer key, or by anyone when <c>Vigia:Cap:Public</c> is true; anonymous readers then see zone
/// threats only (coverage-lost alerts would tell which zones are unwatched), the feed's links come from
/// <c>Vigia:Cap:BaseUrl</c> (required), and each client address is rate-limited. Served from a <see cref="CapCache"/>.
/// </summary>
public static class CapEndpoints
{
    private const string CapMediaType = "application/cap+xml";

    /// <summary>Maps the CAP routes.</summary>
    public static IEndpointRouteBuilder MapCap(this IEndpointRouteBuilder app)
    {
        var isPublic = app.ServiceProvider.GetRequiredService<IOptions<CapServerOptions>>().Value.Public;
        var feed = app.MapGet("/cap/feed.atom", FeedAsync).RequireRateLimiting(RateLimits.CapPolicy);
        var message = app.MapGet("/cap/{identifier}.xml", MessageAsync).RequireRateLimiting(RateLimits.CapPolicy);
        if (!isPublic)
        {
            feed.RequireAuthorization(VigiaClaims.ViewerPolicy);
            message.RequireAuthorization(VigiaClaims.ViewerPolicy);
        }

        return app;
    }

    /// <summary>The builder for the configured issuer.</summary>
    public static CapMessageBuilder Builder(CapServerOptions options) => new(new CapOptions
    {
        Sender = options.Sender,
        SenderName = options.SenderName,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone),
    });

    private static async Task<IResult> FeedAsync(HttpContext context, CapCache cache, IOptions<CapServerOptions> options, CancellationToken cancellationToken) =>
        Results.Text(await cache.FeedAsync(BaseUri(context, options.Value), Authenticated(context), cancellationToken).ConfigureAwait(false), CapAtomFeed.MediaType);

    /// <summary>A reader with a viewer key (who may see coverage-lost alerts).</summary>
    private static bool Authenticated(HttpContext context) => context.User.IsInRole("viewer");

    private static async Task<IResult> MessageAsync(HttpContext context, string identifier, CapCache cache, CancellationToken cancellationToken)
    {
        // vigia-{escaped alert id}-{version}
        var dash = identifier.LastIndexOf('-');
        if (!identifier.StartsWith("vigia-", StringComparison.Ordinal) || dash <= "vigia-".Length
            || !int.TryParse(identifier.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown CAP message", $"'{identifier}' is not a Vigía CAP identifier (vigia-{{alert id}}-{{version}})");
        }

        var message = await cache.MessageAsync(identifier["vigia-".Length..dash], version, Authenticated(context), cancellationToken).ConfigureAwait(false);
        return message is null
            ? Problems.Plain(StatusCodes.Status404NotFound, "Unknown CAP message", $"no CAP message '{identifier}'")
            : Results.Bytes(message.ToUtf8Bytes(), CapMediaType);
    }

    private static Uri BaseUri(HttpContext context, CapServerOptions options) =>
        options.BaseUrl is { Length: > 0 } configured
            ? new Uri(configured.EndsWith('/') ? configured : configured + "/")
            : new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
}
