using System.Diagnostics;
using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// Moves observations from an in-process adapter (ADS-B receiver, SAPIENT node) into the journal and the
/// tracker through <see cref="IngestService"/>: batches of at most <see cref="MaxBatch"/>, sent at least
/// every 100 ms; a full journal queue is waited out (back-pressure: the adapter's channel fills and the input
/// slows), however long it lasts, never dropped and never the end of the pump. A journal that refuses a batch
/// (an error, not a full queue) costs that batch, reported, and the pump goes on.
/// </summary>
public sealed class ObservationPump
{
    /// <summary>Largest batch per submit.</summary>
    public const int MaxBatch = 500;

    /// <summary>A journal queue full for this many tries in a row (100 ms apart at first) is reported once.</summary>
    public const int ReportOverloadAfterAttempts = 50;

    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _firstOverloadWait;
    private readonly TimeSpan _maxOverloadWait;
    private readonly Func<JournalObservation[], Task> _submit;
    private readonly Action<string> _reportError;
    private long _journalled;
    private long _overloadWaits;

    /// <summary>Pumps into <paramref name="ingest"/>; <paramref name="reportError"/> gets one line per refused batch or long stall.</summary>
    public ObservationPump(IngestService ingest, Action<string> reportError)
        : this(items => ingest.SubmitAsync(items, Stopwatch.GetTimestamp()), reportError)
    {
        ArgumentNullException.ThrowIfNull(ingest);
    }

    /// <summary>
    /// Pumps into <paramref name="submit"/> (which throws as <see cref="IngestService.SubmitAsync"/> does); a full
    /// journal queue is tried again after <paramref name="firstOverloadWait"/> [100 ms], doubling up to
    /// <paramref name="maxOverloadWait"/> [1 s].
    /// </summary>
    internal ObservationPump(Func<JournalObservation[], Task> submit, Action<string> reportError, TimeSpan? firstOverloadWait = null, TimeSpan? maxOverloadWait = null)
    {
        _submit = submit;
        _reportError = reportError;
        _firstOverloadWait = firstOverloadWait ?? TimeSpan.FromMilliseconds(100);
        _maxOverloadWait = maxOverloadWait ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Observations journalled so far.</summary>
    public long Journalled => Interlocked.Read(ref _journalled);

    /// <summary>Waits for a full journal queue so far (each one try put off).</summary>
    public long OverloadWaits => Interlocked.Read(ref _overloadWaits);

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
        try
        {
            var tries = await JournalBackPressure.SubmitAsync(() => _submit(items), _firstOverloadWait, _maxOverloadWait, attempt =>
            {
                Interlocked.Increment(ref _overloadWaits);
                if (attempt == ReportOverloadAfterAttempts)
                {
                    _reportError($"journal queue full for {attempt} tries: holding {items.Length} observations (and slowing this input) until it accepts them");
                }
            }, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _journalled, items.Length);
            if (tries > ReportOverloadAfterAttempts)
            {
                _reportError($"journal accepting again after {tries - 1} tries: {items.Length} observations journalled");
            }
        }
        catch (JournalException ex)
        {
            _reportError($"{items.Length} observations not journalled: {ex.Message}");
        }
    }
}
