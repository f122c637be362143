using System.Threading.Channels;
using Vigia.Core.Observations;

namespace Vigia.Server.Pipeline;

/// <summary>Observations of one committed request, on their way to the tracker loop.</summary>
/// <param name="Observations">The newly journalled observations (duplicates removed).</param>
/// <param name="ReceivedTimestamp">When the request arrived (<see cref="System.Diagnostics.Stopwatch"/> ticks), for the latency figure.</param>
public sealed record TrackerWork(Observation[] Observations, long ReceivedTimestamp)
{
    /// <summary>
    /// Each observation's journal sequence (same order), or null if unknown. The tracker loop skips those
    /// its start-up recovery already replayed from the journal.
    /// </summary>
    public long[]? Sequences { get; init; }
}

/// <summary>
/// The bounded hand-over from ingest (many request threads) to the one tracker loop. Bounded by
/// observations, not requests: work that would exceed the capacity is refused (the caller counts it as
/// dropped from live tracking; it is already journalled).
/// </summary>
/// <remarks>Thread-safety: many writers, one reader.</remarks>
public sealed class TrackerInbox
{
    private readonly Channel<TrackerWork> _channel = Channel.CreateUnbounded<TrackerWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly long _capacity;
    private long _depth;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> observations.</summary>
    public TrackerInbox(long capacity) => _capacity = capacity;

    /// <summary>Observations waiting.</summary>
    public long Depth => Interlocked.Read(ref _depth);

    /// <summary>The reader (the tracker loop only).</summary>
    public ChannelReader<TrackerWork> Reader => _channel.Reader;

    /// <summary>Queues the work; false if it would exceed the capacity (nothing queued).</summary>
    public bool TryWrite(TrackerWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var n = work.Observations.Length;
        if (Interlocked.Add(ref _depth, n) > _capacity)
        {
            Interlocked.Add(ref _depth, -n);
            return false;
        }

        return _channel.Writer.TryWrite(work);
    }

    /// <summary>Marks <paramref name="count"/> observations as taken by the reader.</summary>
    public void Taken(int count) => Interlocked.Add(ref _depth, -count);
}
