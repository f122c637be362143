using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Server.Pipeline;
using Vigia.Storage;

namespace Vigia.Server.Endpoints;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (the journal answers and accepts writes, and
/// the picture has been rebuilt); both anonymous, and neither says anything about the picture.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health routes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok\n")).AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous();
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(IJournal journal, TrackPicture picture, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await journal.CheckAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (JournalException ex)
        {
            return Problems.Plain(StatusCodes.Status503ServiceUnavailable, "Journal not ready", ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problems.Plain(StatusCodes.Status503ServiceUnavailable, "Journal not ready", "the journal did not answer within 5 s (locked or overloaded)");
        }

        return picture.Ready
            ? TypedResults.Text("ready\n")
            : Problems.Plain(StatusCodes.Status503ServiceUnavailable, "Starting", "rebuilding the live picture from the journal");
    }
}
