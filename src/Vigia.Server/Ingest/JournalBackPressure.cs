using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// How an in-process input hands observations to a journal that cannot keep up: a full journal queue
/// (<see cref="JournalOverloadedException"/>) is back-pressure, waited out however long it lasts, never a loss.
/// </summary>
internal static class JournalBackPressure
{
    /// <summary>
    /// Runs <paramref name="submit"/> until the journal takes it, waiting after each full-queue refusal (from
    /// <paramref name="firstWait"/>, doubling up to <paramref name="longestWait"/>; <paramref name="onWait"/> gets the
    /// try that was refused). Returns the number of tries. Any other journal error, and cancellation, propagate.
    /// </summary>
    public static async Task<int> SubmitAsync(Func<Task> submit, TimeSpan firstWait, TimeSpan longestWait, Action<int> onWait, CancellationToken cancellationToken)
    {
        var wait = firstWait;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await submit().ConfigureAwait(false);
                return attempt;
            }
            catch (JournalOverloadedException)
            {
                onWait(attempt);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                wait = Hosting.Backoff.Double(wait, longestWait);
            }
        }
    }
}
