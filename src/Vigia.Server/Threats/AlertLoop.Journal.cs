using Vigia.Alerting.Alerts;
using Vigia.Server.Outputs.Webhooks;

namespace Vigia.Server.Threats;

/// <summary>
/// Publishing: the journal first, then the live outputs; a batch the journal fails to take is kept and retried in
/// order (with a backoff) until it is taken, and meanwhile goes to the live outputs at once (once).
/// </summary>
public sealed partial class AlertLoop
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(2);

    private readonly Queue<JournalBatch> _unjournalled = new();
    private IAlertOutput? _journal;
    private IAlertOutput[]? _live;
    private TimeSpan _backoff;
    private long _retryAt;

    /// <summary>Batches of alert changes waiting for the journal (it failed and is being retried).</summary>
    public int Unjournalled => _unjournalled.Count;

    private TimeSpan WaitTime()
    {
        if (_unjournalled.Count == 0)
        {
            return TimeSpan.FromSeconds(1);
        }

        var left = clock.GetElapsedTime(clock.GetTimestamp(), _retryAt);
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
    }

    private async Task PublishAsync(List<AlertEvent> events, CancellationToken cancellationToken)
    {
        if (_live is null)
        {
            // The journal output (the plain journal, or the journal with the webhook outbox in its place).
            _journal = Array.Find(_outputs, o => o is AlertJournalOutput or WebhookJournalOutput);
            _live = [.. _outputs.Where(o => !ReferenceEquals(o, _journal))];
        }

        if (events.Count > 0)
        {
            _unjournalled.Enqueue(new JournalBatch(events, [.. _pendingAcks], _received));
            _pendingAcks.Clear();
            _received = 0;
        }

        await JournalAsync(cancellationToken).ConfigureAwait(false);

        // What the journal has not taken yet is not held back from the people watching: told now, and only once.
        foreach (var batch in _unjournalled)
        {
            if (!batch.LiveTold)
            {
                await TellLiveAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Journals the waiting batches in order; stops at the first failure and retries it after the backoff.</summary>
    private async Task JournalAsync(CancellationToken cancellationToken)
    {
        if (_unjournalled.Count == 0 || (_backoff > TimeSpan.Zero && clock.GetTimestamp() < _retryAt))
        {
            return;
        }

        while (_unjournalled.TryPeek(out var batch))
        {
            if (_journal is not null)
            {
                try
                {
                    // Retrying is safe: a version already journalled is skipped, with its webhooks.
                    await _journal.PublishAsync(batch.Events, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    OutputFailures++;
                    _backoff = _backoff == TimeSpan.Zero ? FirstRetry : Hosting.Backoff.Double(_backoff, LongestRetry);
                    _retryAt = clock.GetTimestamp() + (long)(_backoff.TotalSeconds * clock.TimestampFrequency);
                    LogJournalFailed(logger, _journal.Name, batch.Events.Count, _unjournalled.Count, _backoff.TotalMilliseconds, ex);
                    return;
                }
            }

            _unjournalled.Dequeue();
            if (_backoff != TimeSpan.Zero)
            {
                LogJournalBack(logger, _unjournalled.Count);
                _backoff = TimeSpan.Zero;
            }

            if (batch.LiveTold)
            {
                // Shown before it was journalled: touch the board, so what is built from the journal (the CAP
                // feed and messages, cached while the board's change count stands) is built again.
                foreach (var id in batch.Events.Select(e => e.Alert.Id).Distinct(StringComparer.Ordinal))
                {
                    if (_engine?.Find(id) is { } latest)
                    {
                        board.Apply(latest);
                    }
                }
            }
            else
            {
                await TellLiveAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            Published += batch.Events.Count;
            if (batch.Received != 0)
            {
                metrics.AlertLatency.Record(System.Diagnostics.Stopwatch.GetElapsedTime(batch.Received).TotalMilliseconds);
            }

            foreach (var (done, result) in batch.Acks)
            {
                done.TrySetResult(result);
            }
        }
    }

    private async Task TellLiveAsync(JournalBatch batch, CancellationToken cancellationToken)
    {
        batch.LiveTold = true;
        foreach (var output in _live!)
        {
            try
            {
                await output.PublishAsync(batch.Events, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                OutputFailures++;
                LogOutputFailed(logger, output.Name, batch.Events.Count, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert journal output {Output} failed for {Count} alert changes ({Batches} batches waiting); retrying in {RetryMs} ms")]
    private static partial void LogJournalFailed(ILogger logger, string output, int count, int batches, double retryMs, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert journal output is back; {Batches} batches still waiting")]
    private static partial void LogJournalBack(ILogger logger, int batches);

    /// <summary>A batch of alert changes the journal has not taken yet, with the acknowledgements waiting on it.</summary>
    private sealed record JournalBatch(List<AlertEvent> Events, List<(TaskCompletionSource<Alert?> Done, Alert Result)> Acks, long Received)
    {
        /// <summary>Whether the live outputs have had it (they are told once).</summary>
        public bool LiveTold { get; set; }
    }
}
