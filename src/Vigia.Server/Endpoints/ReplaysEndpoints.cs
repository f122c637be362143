using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Core.Time;
using Vigia.Server.Ingest;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Replay;
using Vigia.Server.Security;

namespace Vigia.Server.Endpoints;

/// <summary>
/// <c>/api/v1/replays</c>: re-run a stored period through a fresh tracker in a session of its own, on its
/// own stream (<c>/api/v1/replays/{id}/stream</c>), every event marked <c>"mode":"replay"</c>.
/// Starting and controlling needs an operator key; watching, a viewer key.
/// </summary>
public static class ReplaysEndpoints
{
    /// <summary>Longest period one session may replay.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(1);

    /// <summary>Maps the replay routes.</summary>
    public static IEndpointRouteBuilder MapReplays(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/replays");
        group.MapPost("/", Start).RequireAuthorization(VigiaClaims.OperatorPolicy);
        group.MapGet("/", (ReplaySessions sessions) => TypedResults.Ok<IReadOnlyList<ReplayDto>>([.. sessions.All.Select(s => s.ToDto())])).RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapGet("/{id}", Results<Ok<ReplayDto>, ProblemHttpResult> (string id, ReplaySessions sessions) =>
            sessions.Find(id) is { } s ? TypedResults.Ok(s.ToDto()) : Unknown(id)).RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapPost("/{id}/control", Control).RequireAuthorization(VigiaClaims.OperatorPolicy);
        group.MapGet("/{id}/stream", StreamAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        return app;
    }

    private static Results<Created<ReplayDto>, ProblemHttpResult> Start(ReplayRequest request, ReplaySessions sessions)
    {
        var errors = new List<FieldError>();
        if (request.From is null)
        {
            errors.Add(new FieldError(0, "from", "is required (RFC 3339)"));
        }

        if (request.To is null)
        {
            errors.Add(new FieldError(0, "to", "is required (RFC 3339)"));
        }

        if (request.From is { } f && request.To is { } t && (t <= f || t - f > MaxPeriod))
        {
            errors.Add(new FieldError(0, "to", $"must be after from and at most {MaxPeriod.TotalHours:F0} h later"));
        }

        var speed = request.Speed ?? 1;
        if (!double.IsFinite(speed) || speed < 0 || speed > 60)
        {
            errors.Add(new FieldError(0, "speed", "must be 0 (as fast as possible) or within (0, 60]"));
        }

        if (errors.Count > 0)
        {
            return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid replay", string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")), errors);
        }

        var session = sessions.Start(Timestamp.FromDateTimeOffset(request.From!.Value), Timestamp.FromDateTimeOffset(request.To!.Value), speed);
        return session is null
            ? Problems.Plain(StatusCodes.Status429TooManyRequests, "Too many replays", $"{ReplaySessions.MaxRunning} replays are playing; stop one first")
            : TypedResults.Created($"/api/v1/replays/{session.Id}", session.ToDto());
    }

    private static Results<Ok<ReplayDto>, ProblemHttpResult> Control(string id, ReplayControlRequest request, ReplaySessions sessions)
    {
        if (sessions.Find(id) is not { } session)
        {
            return Unknown(id);
        }

        if (request.Speed is { } v && (!double.IsFinite(v) || v < 0 || v > 60))
        {
            return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid control", "speed must be 0 or within (0, 60]", [new FieldError(0, "speed", "must be 0 or within (0, 60]")]);
        }

        switch (request.Action)
        {
            case "pause":
                session.Pause();
                break;
            case "resume":
                session.Resume(request.Speed);
                break;
            case "step":
                session.Step();
                break;
            case "stop":
                session.Stop();
                break;
            case "seek" when request.To is { } to:
                session.Seek(Timestamp.FromDateTimeOffset(to));
                break;
            case "seek":
                return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid control", "seek needs 'to' (RFC 3339)", [new FieldError(0, "to", "is required for seek (RFC 3339)")]);
            default:
                return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid control", "action must be pause, resume, step, seek or stop", [new FieldError(0, "action", "must be pause, resume, step, seek or stop")]);
        }

        return TypedResults.Ok(session.ToDto());
    }

    private static async Task StreamAsync(HttpContext context, string id, ReplaySessions sessions)
    {
        if (sessions.Find(id) is not { } session)
        {
            await Unknown(id).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await StreamEndpoints.PumpAsync(context, session.Broadcaster, () =>
        [
            StreamFrames.Encode("snapshot", JsonSerializer.SerializeToUtf8Bytes(session.Picture, ServerJsonContext.Default.PictureDto)),
            StreamFrames.Encode("replay", JsonSerializer.SerializeToUtf8Bytes(new ReplayStatusEvent("replay", session.ToDto()), ServerJsonContext.Default.ReplayStatusEvent)),
            .. session.AlertsSnapshot() is { } alerts ? [alerts] : Array.Empty<ReadOnlyMemory<byte>>(),
        ]).ConfigureAwait(false);
    }

    private static ProblemHttpResult Unknown(string id) => Problems.Plain(StatusCodes.Status404NotFound, "Unknown replay", $"no replay session '{id}'");
}
