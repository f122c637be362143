using System.Diagnostics;
using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// Moves observations from an in-process adapter (ADS-B receiver, SAPIENT node) into the journal and the
/// tracker through <see cref="IngestService"/>: batches of at most <see cref="MaxBatch"/>, sent at least
/// every 100 ms; a full journal queue is waited out (back-pressure), never dropped.
/// </summary>
public sealed class ObservationPump(IngestService ingest, Action<string> reportError)
{
    /// <summary>Largest batch per submit.</summary>
    public const int MaxBatch = 500;

    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(100);
    private long _journalled;

    /// <summary>Observations journalled so far.</summary>
    public long Journalled => Interlocked.Read(ref _journalled);

    /// <summary>Pumps until the reader completes or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(ChannelReader<Observation> reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var batch = new List<JournalObservation>(MaxBatch);
        var since = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(FlushEvery);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    more = true;
                }

                while (batch.Count < MaxBatch && reader.TryRead(out var observation))
                {
                    batch.Add(new JournalObservation(observation));
                }

                if (batch.Count >= MaxBatch || (batch.Count > 0 && (Stopwatch.GetElapsedTime(since) >= FlushEvery || !more)))
                {
                    await SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                    since = Stopwatch.GetTimestamp();
                }

                if (!more)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SubmitAsync(List<JournalObservation> batch, CancellationToken cancellationToken)
    {
        var items = batch.ToArray();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ingest.SubmitAsync(items, Stopwatch.GetTimestamp()).ConfigureAwait(false);
                Interlocked.Add(ref _journalled, items.Length);
                return;
            }
            catch (JournalOverloadedException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (JournalException ex)
            {
                reportError($"{items.Length} observations not journalled: {ex.Message}");
                return;
            }
        }
    }
}
