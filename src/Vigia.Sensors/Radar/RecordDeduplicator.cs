using Vigia.Core.Time;

namespace Vigia.Sensors.Radar;

/// <summary>
/// Recognises ASTERIX records that arrive twice over redundant networks: a record whose category and octets (which
/// begin with its SAC/SIC) were seen within a short receive-time window is a duplicate.
/// </summary>
/// <remarks>
/// Keyed by a 64-bit FNV-1a hash of category and octets, confirmed by comparing the octets. Bounded by a time window
/// and a capacity (oldest forgotten first), so memory does not grow with traffic. Two genuinely separate reports are
/// never equal in every octet within a window, as I048/140 (1/128 s) and the measured values change between scans.
/// Not thread-safe: one adapter loop owns it.
/// </remarks>
public sealed class RecordDeduplicator
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private readonly long _windowNanoseconds;
    private readonly int _capacity;
    private readonly Dictionary<ulong, (byte[] Octets, Timestamp Time)> _seen = [];
    private readonly Queue<(ulong Hash, Timestamp Time)> _order = new();

    /// <summary>Creates a de-duplicator remembering records for <paramref name="window"/>, at most <paramref name="capacity"/> of them.</summary>
    public RecordDeduplicator(TimeSpan window, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _windowNanoseconds = window.Ticks * 100;
        _capacity = capacity;
    }

    /// <summary>Records remembered now.</summary>
    public int Count => _seen.Count;

    /// <summary>True when the same record was seen within the window; otherwise remembers it and returns false.</summary>
    public bool IsDuplicate(byte category, ReadOnlySpan<byte> record, Timestamp receiveTime)
    {
        Expire(receiveTime);
        var hash = Hash(category, record);
        if (_seen.TryGetValue(hash, out var stored) && stored.Octets[0] == category && record.SequenceEqual(stored.Octets.AsSpan(1)))
        {
            return true;
        }

        if (_order.Count == _capacity)
        {
            Forget(_order.Dequeue());
        }

        // A hash collision with a different record replaces the older one, which is then only forgotten early.
        _seen[hash] = ([category, .. record], receiveTime);
        _order.Enqueue((hash, receiveTime));
        return false;
    }

    private void Expire(Timestamp now)
    {
        while (_order.TryPeek(out var oldest) && now.UnixNanoseconds - oldest.Time.UnixNanoseconds > _windowNanoseconds)
        {
            Forget(_order.Dequeue());
        }
    }

    private void Forget((ulong Hash, Timestamp Time) entry)
    {
        if (_seen.TryGetValue(entry.Hash, out var stored) && stored.Time == entry.Time)
        {
            _seen.Remove(entry.Hash);
        }
    }

    private static ulong Hash(byte category, ReadOnlySpan<byte> record)
    {
        var hash = (FnvOffset ^ category) * FnvPrime;
        foreach (var b in record)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }
}
