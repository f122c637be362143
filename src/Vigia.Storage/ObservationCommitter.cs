using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace Vigia.Storage;

/// <summary>
/// Group commit for observation appends: requests from any number of concurrent callers wait in a bounded queue; one
/// writer loop takes everything queued (up to <see cref="ObservationCommitterOptions.MaxRowsPerTransaction"/> rows),
/// writes it as one journal transaction, and completes each caller with its own slice of the outcomes. One durable
/// commit (one fsync) is shared by all the requests in it.
/// </summary>
/// <remarks>
/// A request is atomic: it is never split across transactions. If a transaction fails, every request in it fails with
/// the same exception (usually a <see cref="JournalException"/>) and none of its rows is written. A full queue fails
/// the caller at once with <see cref="JournalOverloadedException"/>. Metrics (meter <c>Vigia.Storage</c>):
/// <c>vigia.journal.rows</c> (counter), <c>vigia.journal.commit.duration</c> (histogram, ms),
/// <c>vigia.journal.queue.depth</c> (gauge, requests). Thread-safety: thread-safe; the caller must not change a
/// batch list until its task completes.
/// </remarks>
public sealed class ObservationCommitter : IAsyncDisposable
{
    /// <summary>The meter name the committer publishes under.</summary>
    public const string MeterName = "Vigia.Storage";

    private readonly Func<IReadOnlyList<JournalObservation>, CancellationToken, Task<AppendOutcome[]>> _append;
    private readonly int _maxRows;
    private readonly Channel<Request> _queue;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _rowsCounter;
    private readonly Histogram<double> _commitDuration;
    private readonly Task _writer;
    private int _queueDepth;
    private long _transactions;
    private long _rowsCommitted;
    private long _lastCommitTicks;
    private long _totalCommitTicks;
    private int _disposed;

    /// <summary>Creates the committer and starts its writer loop over <paramref name="journal"/>.</summary>
    public ObservationCommitter(IJournal journal, ObservationCommitterOptions options)
        : this(journal, options, meterFactory: null)
    {
    }

    /// <summary>Creates the committer, publishing its metrics through <paramref name="meterFactory"/> (dependency injection).</summary>
    public ObservationCommitter(IJournal journal, ObservationCommitterOptions options, IMeterFactory? meterFactory)
        : this(ValidateJournal(journal).AppendObservationsAsync, options, meterFactory)
    {
    }

    /// <summary>Test seam: commits through <paramref name="append"/> instead of a journal.</summary>
    internal ObservationCommitter(
        Func<IReadOnlyList<JournalObservation>, CancellationToken, Task<AppendOutcome[]>> append,
        ObservationCommitterOptions options,
        IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRowsPerTransaction, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.QueueCapacity, nameof(options));
        _append = append;
        _maxRows = options.MaxRowsPerTransaction;
        _queue = Channel.CreateBounded<Request>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _ownsMeter = meterFactory is null; // a factory's meters belong to the factory
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _rowsCounter = _meter.CreateCounter<long>("vigia.journal.rows", "{row}", "Observation rows committed to the journal");
        _commitDuration = _meter.CreateHistogram<double>("vigia.journal.commit.duration", "ms", "Duration of one group-commit transaction");
        _meter.CreateObservableGauge("vigia.journal.queue.depth", () => QueueDepth, "{request}", "Append requests waiting for the journal writer");
        _writer = Task.Run(RunAsync);
    }

    /// <summary>Requests waiting for the writer.</summary>
    public int QueueDepth => Volatile.Read(ref _queueDepth);

    /// <summary>Transactions committed so far.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Rows committed so far (duplicates included: each has an outcome).</summary>
    public long RowsCommitted => Interlocked.Read(ref _rowsCommitted);

    /// <summary>Duration of the last committed transaction.</summary>
    public TimeSpan LastCommitLatency => TimeSpan.FromTicks(Interlocked.Read(ref _lastCommitTicks));

    /// <summary>Mean duration of the committed transactions, or zero before the first.</summary>
    public TimeSpan MeanCommitLatency
    {
        get
        {
            var count = Transactions;
            return count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref _totalCommitTicks) / count);
        }
    }

    /// <summary>
    /// Queues <paramref name="batch"/> and completes once it is durably journalled, with one outcome per item in input
    /// order (see <see cref="IJournal.AppendObservationsAsync"/>).
    /// </summary>
    /// <exception cref="JournalOverloadedException">The queue is full; nothing was written.</exception>
    /// <exception cref="JournalException">The transaction holding this batch failed; nothing of it was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while still queued (nothing written). Once its transaction has started, a batch is no longer cancelled.</exception>
    public ValueTask<AppendOutcome[]> AppendAsync(IReadOnlyList<JournalObservation> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (batch.Count == 0)
        {
            return ValueTask.FromResult(Array.Empty<AppendOutcome>());
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<AppendOutcome[]>(cancellationToken);
        }

        var request = new Request(batch);
        Interlocked.Increment(ref _queueDepth);
        if (!_queue.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _queueDepth);
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            throw new JournalOverloadedException(
                $"The journal writer is overloaded: {QueueDepth} append requests are already waiting. Retry later.");
        }

        request.WatchCancellation(cancellationToken);
        return new ValueTask<AppendOutcome[]>(request.Task);
    }

    /// <summary>Stops taking requests, writes everything already queued, then stops the writer loop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static IJournal ValidateJournal(IJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return journal;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var group = new List<Request>();
        var rows = new List<JournalObservation>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            rows.Clear();
            while (reader.TryPeek(out var next))
            {
                if (group.Count > 0 && rows.Count + next.Batch.Count > _maxRows)
                {
                    break;
                }

                reader.TryRead(out _);
                Interlocked.Decrement(ref _queueDepth);
                if (next.TryStart())
                {
                    var before = rows.Count;
                    try
                    {
                        rows.AddRange(next.Batch);
                        group.Add(next);
                    }
                    catch (Exception e)
                    {
                        // A caller's list that cannot be read fails that caller, not the writer loop.
                        rows.RemoveRange(before, rows.Count - before);
                        next.Fail(e);
                    }
                }
            }

            if (group.Count > 0)
            {
                await CommitAsync(group, rows).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<Request> group, List<JournalObservation> rows)
    {
        var started = Stopwatch.GetTimestamp();
        AppendOutcome[] outcomes;
        try
        {
            // Not cancellable: the callers in the group no longer can cancel, and a half-sent commit helps nobody.
            outcomes = await _append(rows, CancellationToken.None).ConfigureAwait(false);
            if (outcomes.Length != rows.Count)
            {
                throw new InvalidOperationException($"The journal returned {outcomes.Length} outcomes for {rows.Count} rows.");
            }
        }
        catch (Exception e)
        {
            foreach (var request in group)
            {
                request.Fail(e);
            }

            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Interlocked.Exchange(ref _lastCommitTicks, elapsed.Ticks);
        Interlocked.Add(ref _totalCommitTicks, elapsed.Ticks);
        Interlocked.Add(ref _rowsCommitted, rows.Count);
        Interlocked.Increment(ref _transactions);
        _rowsCounter.Add(rows.Count);
        _commitDuration.Record(elapsed.TotalMilliseconds);

        if (group.Count == 1)
        {
            group[0].Complete(outcomes);
            return;
        }

        var offset = 0;
        foreach (var request in group)
        {
            request.Complete(outcomes.AsSpan(offset, request.Batch.Count).ToArray());
            offset += request.Batch.Count;
        }
    }

    /// <summary>One caller's batch and its completion; state moves Queued → Started or Queued → Cancelled, once.</summary>
    private sealed class Request(IReadOnlyList<JournalObservation> batch)
    {
        private const int Queued = 0;
        private const int Started = 1;
        private const int Cancelled = 2;

        private readonly TaskCompletionSource<AppendOutcome[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _registration;
        private int _state;

        public IReadOnlyList<JournalObservation> Batch { get; } = batch;

        public Task<AppendOutcome[]> Task => _completion.Task;

        public void WatchCancellation(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static (state, token) =>
                {
                    var request = (Request)state!;
                    if (Interlocked.CompareExchange(ref request._state, Cancelled, Queued) == Queued)
                    {
                        request._completion.TrySetCanceled(token);
                    }
                }, this);
            }
        }

        /// <summary>Claims the request for a transaction; false if it was cancelled while queued.</summary>
        public bool TryStart()
        {
            if (Interlocked.CompareExchange(ref _state, Started, Queued) != Queued)
            {
                return false;
            }

            _registration.Unregister();
            return true;
        }

        public void Complete(AppendOutcome[] outcomes) => _completion.TrySetResult(outcomes);

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
