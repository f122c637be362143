using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Alerting.Zones;
using Vigia.Core.Time;
using Vigia.Server.Ingest;
using Vigia.Server.Json;
using Vigia.Server.Security;
using Vigia.Server.Threats;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Endpoints;

/// <summary>
/// <c>/api/v1/zones</c>: protected zones as GeoJSON (read by viewers; created, edited and deleted by
/// operators). Every change is versioned and audited; an edit names the version it started from
/// (<c>If-Match</c> header or <c>properties.version</c>) and is refused with 409 if someone else saved first.
/// </summary>
public static class ZonesEndpoints
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Maps the zone routes.</summary>
    public static IEndpointRouteBuilder MapZones(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/zones");
        group.MapGet("/", ListAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapGet("/audit", (IAlertStore store, int? limit, CancellationToken ct) => AuditAsync(store, null, limit, ct)).RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapGet("/{id}/history", (string id, IAlertStore store, int? limit, CancellationToken ct) => AuditAsync(store, id, limit, ct)).RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapPost("/", CreateAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        return app;
    }

    private static async Task<IResult> ListAsync(IAlertStore store, CancellationToken cancellationToken)
    {
        var features = new JsonArray();
        foreach (var zone in await store.ListZonesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            features.Add(WithVersion(zone));
        }

        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        return Results.Text(collection.ToJsonString(), "application/geo+json");
    }

    private static async Task<IResult> GetAsync(string id, IAlertStore store, HttpContext context, CancellationToken cancellationToken)
    {
        var zone = await store.GetZoneAsync(id, cancellationToken).ConfigureAwait(false);
        if (zone is null || zone.DeletedAt is not null)
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown zone", $"no zone '{id}'");
        }

        context.Response.Headers.ETag = $"\"{zone.Version}\"";
        return Results.Text(WithVersion(zone).ToJsonString(), "application/geo+json");
    }

    private static async Task<Ok<IReadOnlyList<ZoneAuditDto>>> AuditAsync(IAlertStore store, string? id, int? limit, CancellationToken cancellationToken)
    {
        var audit = await store.ReadZoneAuditAsync(id, Math.Clamp(limit ?? 1000, 1, 100_000), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ZoneAuditDto>>([.. audit.Select(a => new ZoneAuditDto(a.ZoneId, a.Version, a.Time.ToDateTimeOffset(), a.Actor, a.Action))]);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IAlertStore store, AlertLoop loop, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (zones, problem, _) = await ReadZonesAsync(context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var actor = context.User.Identity?.Name ?? "unknown";
        var created = new JsonArray();
        foreach (var zone in zones!)
        {
            try
            {
                var version = await store.SaveZoneAsync(zone.Id, ZoneGeoJson.WriteFeature(zone), actor, now, expectedVersion: 0, cancellationToken).ConfigureAwait(false);
                created.Add(new JsonObject { ["id"] = zone.Id, ["version"] = version });
            }
            catch (ZoneVersionConflictException)
            {
                loop.Reload();
                return Problems.Items(StatusCodes.Status409Conflict, "Zone exists", $"a zone '{zone.Id}' already exists: edit it with PUT", [new FieldError(0, "id", "already exists")]);
            }
        }

        loop.Reload();
        return Results.Text(new JsonObject { ["created"] = created }.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, IAlertStore store, AlertLoop loop, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (zones, problem, bodyVersion) = await ReadZonesAsync(context, cancellationToken, id).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var zone = zones![0];
        var expected = ExpectedVersion(context) ?? bodyVersion;
        try
        {
            var version = await store.SaveZoneAsync(id, ZoneGeoJson.WriteFeature(zone), context.User.Identity?.Name ?? "unknown",
                Timestamp.FromDateTimeOffset(clock.GetUtcNow()), expected, cancellationToken).ConfigureAwait(false);
            loop.Reload();
            context.Response.Headers.ETag = $"\"{version}\"";
            return Results.Text(new JsonObject { ["id"] = id, ["version"] = version }.ToJsonString(), "application/json");
        }
        catch (ZoneVersionConflictException ex)
        {
            return Problems.Items(StatusCodes.Status409Conflict, "Zone changed", ex.Message, [new FieldError(0, "version", $"is {ex.Actual}")]);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IAlertStore store, AlertLoop loop, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteZoneAsync(id, context.User.Identity?.Name ?? "unknown", Timestamp.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (!deleted)
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown zone", $"no zone '{id}'");
        }

        loop.Reload();
        return Results.NoContent();
    }

    /// <summary>Reads a Feature or a FeatureCollection; 422 naming the field when a zone is invalid.</summary>
    private static async Task<(IReadOnlyList<ProtectedZone>? Zones, IResult? Problem, int? Version)> ReadZonesAsync(HttpContext context, CancellationToken cancellationToken, string? pathId = null)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.Plain(StatusCodes.Status413PayloadTooLarge, "Too large", $"zone documents are limited to {MaxBodyBytes} bytes"), null);
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var node = JsonNode.Parse(body) as JsonObject;
            var isCollection = node?["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "FeatureCollection";
            int? version = null;
            if (pathId is not null && node?["properties"] is JsonObject properties)
            {
                version = properties["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
                if (properties["id"] is null)
                {
                    properties["id"] = pathId;
                    body = node.ToJsonString();
                }
            }

            IReadOnlyList<ProtectedZone> zones = isCollection && pathId is null ? ZoneGeoJson.Read(body) : [ZoneGeoJson.ReadFeature(body)];
            if (zones.Count == 0)
            {
                return (null, Invalid("features", "no zone in the document"), null);
            }

            if (pathId is not null && zones[0].Id != pathId)
            {
                return (null, Invalid("properties.id", $"'{zones[0].Id}' does not match the path's '{pathId}'"), null);
            }

            var duplicate = zones.GroupBy(z => z.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            return duplicate is not null ? (null, Invalid("id", $"'{duplicate.Key}' appears more than once"), null) : (zones, null, version);
        }
        catch (ZoneValidationException ex)
        {
            return (null, Invalid(ex.Field, ex.Reason), null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid("document", $"not JSON: {ex.Message}"), null);
        }
    }

    private static ProblemHttpResult Invalid(string field, string reason) =>
        Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid zone", $"{field}: {reason}", [new FieldError(0, field, reason)]);

    private static int? ExpectedVersion(HttpContext context)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString().Trim('"', ' ');
        return int.TryParse(ifMatch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static JsonNode WithVersion(ZoneRecord zone)
    {
        var feature = JsonNode.Parse(zone.Feature)!;
        if (feature["properties"] is JsonObject properties)
        {
            properties["version"] = zone.Version;
            properties["updated_by"] = zone.UpdatedBy;
            properties["updated_at"] = zone.UpdatedAt.ToDateTimeOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return feature;
    }
}
