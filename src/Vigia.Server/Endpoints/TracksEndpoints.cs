using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Server.Endpoints;

/// <summary><c>GET /api/v1/tracks</c> (current picture) and <c>GET /api/v1/tracks/{id}</c> (journalled history).</summary>
public static class TracksEndpoints
{
    /// <summary>Maps the track routes.</summary>
    public static IEndpointRouteBuilder MapTracks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tracks").RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapGet("/", (TrackPicture picture) => TypedResults.Ok(picture.Current));
        group.MapGet("/{id:long}", GetHistoryAsync);
        return app;
    }

    private static async Task<Results<Ok<TrackSnapshotHistoryDto>, NotFound<ProblemDetailsLike>>> GetHistoryAsync(
        long id, int? limit, IJournal journal, SensorDirectory directory, TrackPicture picture, CancellationToken cancellationToken)
    {
        var history = await journal.ReadTrackHistoryAsync(id, null, null, Math.Clamp(limit ?? 3600, 1, 100_000), cancellationToken).ConfigureAwait(false);
        var frame = directory.Frame;
        var list = new List<TrackDto>(history.Count + 1);
        if (frame is not null)
        {
            list.AddRange(history.Select(s => TrackMapping.ToDto(s, frame)));
        }

        var live = picture.Current.Tracks.FirstOrDefault(t => t.Id == id);
        if (live is not null && (list.Count == 0 || list[^1].Time < live.Time))
        {
            list.Add(live);
        }

        return list.Count == 0
            ? TypedResults.NotFound(new ProblemDetailsLike("Unknown track", $"no track {id} in the picture or the journal", 404))
            : TypedResults.Ok(new TrackSnapshotHistoryDto(id, list));
    }
}

/// <summary>A minimal RFC 9457 body for typed 404 results.</summary>
/// <param name="Title">Short summary.</param>
/// <param name="Detail">Explanation.</param>
/// <param name="Status">HTTP status.</param>
public sealed record ProblemDetailsLike(string Title, string Detail, int Status);
