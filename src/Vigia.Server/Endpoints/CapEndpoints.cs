using Microsoft.Extensions.Options;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Server.Threats;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Endpoints;

/// <summary>
/// Public warning in OASIS CAP 1.2, built from the alert journal: <c>GET /cap/feed.atom</c> (an Atom feed of
/// every alert's latest, unexpired message) and <c>GET /cap/{identifier}.xml</c> (one message; identifiers
/// are <c>vigia-{alert id}-{version}</c>; an Update or Cancel references every earlier message of its alert).
/// Readable with a viewer key, or by anyone when <c>Vigia:Cap:Public</c> is true.
/// </summary>
public static class CapEndpoints
{
    private const string CapMediaType = "application/cap+xml";

    /// <summary>Maps the CAP routes.</summary>
    public static IEndpointRouteBuilder MapCap(this IEndpointRouteBuilder app)
    {
        var isPublic = app.ServiceProvider.GetRequiredService<IOptions<CapServerOptions>>().Value.Public;
        var feed = app.MapGet("/cap/feed.atom", FeedAsync);
        var message = app.MapGet("/cap/{identifier}.xml", MessageAsync);
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

    private static async Task<IResult> FeedAsync(HttpContext context, IAlertStore store, IOptions<CapServerOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var builder = Builder(options.Value);
        var recent = await store.ReadAlertEventsAsync(null, Timestamp.FromDateTimeOffset(now.AddDays(-1)), null, 100_000, cancellationToken).ConfigureAwait(false);
        var messages = new List<CapMessage>();
        foreach (var alertId in recent.Select(r => r.AlertId).Distinct(StringComparer.Ordinal))
        {
            var history = await HistoryAsync(store, alertId, cancellationToken).ConfigureAwait(false);
            messages.Add(builder.BuildAll(history)[^1]);
        }

        var feedOptions = new CapFeedOptions
        {
            BaseUri = BaseUri(context, options.Value),
            Title = options.Value.FeedTitle,
            AuthorName = options.Value.SenderName,
        };
        return Results.Text(CapAtomFeed.Write(feedOptions, messages, now), CapAtomFeed.MediaType);
    }

    private static async Task<IResult> MessageAsync(string identifier, IAlertStore store, IOptions<CapServerOptions> options, CancellationToken cancellationToken)
    {
        // vigia-{escaped alert id}-{version}
        var dash = identifier.LastIndexOf('-');
        if (!identifier.StartsWith("vigia-", StringComparison.Ordinal) || dash <= "vigia-".Length
            || !int.TryParse(identifier.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown CAP message", $"'{identifier}' is not a Vigía CAP identifier (vigia-{{alert id}}-{{version}})");
        }

        var escaped = identifier["vigia-".Length..dash];
        var history = await HistoryAsync(store, escaped, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0 || CapTokens.Escape(history[0].Id) != escaped)
        {
            // The id needed escaping: find it among the alerts of the last days.
            var recent = await store.ReadAlertEventsAsync(null, null, null, 100_000, cancellationToken).ConfigureAwait(false);
            var id = recent.Select(r => r.AlertId).FirstOrDefault(a => CapTokens.Escape(a) == escaped);
            history = id is null ? [] : await HistoryAsync(store, id, cancellationToken).ConfigureAwait(false);
        }

        var messages = history.Count == 0 ? [] : Builder(options.Value).BuildAll(history);
        var message = messages.FirstOrDefault(m => m.Version == version);
        return message is null
            ? Problems.Plain(StatusCodes.Status404NotFound, "Unknown CAP message", $"no CAP message '{identifier}'")
            : Results.Bytes(message.ToUtf8Bytes(), CapMediaType);
    }

    private static async Task<IReadOnlyList<Alert>> HistoryAsync(IAlertStore store, string alertId, CancellationToken cancellationToken)
    {
        var records = await store.ReadAlertEventsAsync(alertId, null, null, 100_000, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(AlertJournalOutput.FromRecord)];
    }

    private static Uri BaseUri(HttpContext context, CapServerOptions options) =>
        options.BaseUrl is { Length: > 0 } configured
            ? new Uri(configured.EndsWith('/') ? configured : configured + "/")
            : new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
}
