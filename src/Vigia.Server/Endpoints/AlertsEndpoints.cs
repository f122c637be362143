using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Core.Time;
using Vigia.Server.Json;
using Vigia.Server.Security;
using Vigia.Server.Threats;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Endpoints;

/// <summary>
/// <c>/api/v1/alerts</c>: standing alerts, the alert journal by period or by alert, and acknowledgement
/// (operators); <c>/api/v1/allow-list</c>: drones shown but never alerted on.
/// </summary>
public static class AlertsEndpoints
{
    /// <summary>Maps the alert and allow-list routes.</summary>
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts");
        alerts.MapGet("/", ListAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        alerts.MapGet("/{id}", HistoryAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        alerts.MapPost("/{id}/acknowledge", AcknowledgeAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);

        var allow = app.MapGroup("/api/v1/allow-list");
        allow.MapGet("/", async (IAlertStore store, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AllowListDto>>([.. (await store.ListAllowListAsync(ct).ConfigureAwait(false)).Select(a =>
                new AllowListDto(a.UasId, a.Description, a.From?.ToDateTimeOffset(), a.To?.ToDateTimeOffset(), a.CreatedBy))]))
            .RequireAuthorization(VigiaClaims.ViewerPolicy);
        allow.MapPut("/{uasId}", PutAllowedAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        allow.MapDelete("/{uasId}", async (string uasId, IAlertStore store, AlertLoop loop, CancellationToken ct) =>
        {
            if (!await store.RemoveAllowListAsync(uasId, ct).ConfigureAwait(false))
            {
                return Problems.Plain(StatusCodes.Status404NotFound, "Not allow-listed", $"'{uasId}' is not on the allow-list");
            }

            loop.Reload();
            return Results.NoContent();
        }).RequireAuthorization(VigiaClaims.OperatorPolicy);
        return app;
    }

    /// <summary>Standing alerts; with <c>from</c>/<c>to</c>, every alert change journalled in that period.</summary>
    private static async Task<IResult> ListAsync(AlertBoard board, IAlertStore store, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        if (from is null && to is null)
        {
            return TypedResults.Ok(board.Standing);
        }

        var records = await store.ReadAlertEventsAsync(null, Stamp(from), Stamp(to), Math.Clamp(limit ?? 10_000, 1, 100_000), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AlertHistoryDto("*", [.. records.Select(ToEvent)]));
    }

    private static async Task<Results<Ok<AlertHistoryDto>, ProblemHttpResult>> HistoryAsync(string id, IAlertStore store, CancellationToken cancellationToken)
    {
        var records = await store.ReadAlertEventsAsync(id, null, null, 100_000, cancellationToken).ConfigureAwait(false);
        return records.Count == 0
            ? Problems.Plain(StatusCodes.Status404NotFound, "Unknown alert", $"no alert '{id}' in the journal")
            : TypedResults.Ok(new AlertHistoryDto(id, [.. records.Select(ToEvent)]));
    }

    private static async Task<Results<Ok<AlertDto>, ProblemHttpResult>> AcknowledgeAsync(
        string id, HttpContext context, AlertLoop loop, IAlertStore store, CancellationToken cancellationToken)
    {
        var by = context.User.Identity?.Name ?? "unknown";
        try
        {
            var acknowledged = await loop.AcknowledgeAsync(id, by, cancellationToken).ConfigureAwait(false);
            if (acknowledged is not null)
            {
                return TypedResults.Ok(AlertMapping.ToDto(acknowledged));
            }

            var known = await store.ReadAlertEventsAsync(id, null, null, 100_000, cancellationToken).ConfigureAwait(false);
            return known.Count == 0
                ? Problems.Plain(StatusCodes.Status404NotFound, "Unknown alert", $"no alert '{id}'")
                : Problems.Plain(StatusCodes.Status409Conflict, "Not acknowledgeable", $"alert '{id}' is already acknowledged or has cleared");
        }
        catch (Vigia.Storage.JournalException ex)
        {
            // Not journalled (yet): not reported as saved.
            return Problems.Plain(StatusCodes.Status503ServiceUnavailable, "Journal unavailable", ex.Message);
        }
    }

    private static async Task<IResult> PutAllowedAsync(string uasId, AllowListDto body, HttpContext context, IAlertStore store, AlertLoop loop, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(uasId) || uasId.Length > 64)
        {
            return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid entry", "uas_id: must be 1 to 64 characters", [new Ingest.FieldError(0, "uas_id", "must be 1 to 64 characters")]);
        }

        if (body.From is { } f && body.To is { } t && t < f)
        {
            return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid entry", "to: ends before from", [new Ingest.FieldError(0, "to", "ends before from")]);
        }

        var actor = context.User.Identity?.Name ?? "unknown";
        await store.PutAllowListAsync(new AllowListRecord(uasId, body.Description ?? "", Stamp(body.From), Stamp(body.To), Timestamp.FromDateTimeOffset(clock.GetUtcNow()), actor), cancellationToken).ConfigureAwait(false);
        loop.Reload();
        return TypedResults.Ok(body with { UasId = uasId, CreatedBy = actor });
    }

    private static AlertEventDto ToEvent(AlertEventRecord record) =>
        new(record.Change, System.Text.Json.JsonSerializer.Deserialize(record.Body, ServerJsonContext.Default.AlertDto)!);

    private static Timestamp? Stamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
