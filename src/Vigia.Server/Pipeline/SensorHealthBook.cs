using System.Collections.Concurrent;
using Vigia.Core.Time;

namespace Vigia.Server.Pipeline;

/// <summary>Health state of a sensor as the console shows it.</summary>
public enum SensorState
{
    /// <summary>Messages arrive.</summary>
    Up = 0,

    /// <summary>Messages are late (older than the degraded age) or recent ones were refused.</summary>
    Degraded = 1,

    /// <summary>No message for longer than the down age, or never.</summary>
    Down = 2,
}

/// <summary>
/// Per-sensor counters and clock estimates: accepted, duplicate, refused, late and dropped observations,
/// last message age, message rate, and the sensor's clock offset (receive time − sensor time, smoothed).
/// </summary>
/// <remarks>Thread-safety: all members are safe for concurrent use (one lock per sensor).</remarks>
public sealed class SensorHealthBook
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Records observations accepted into the journal.</summary>
    public void Accepted(string sensor, int count, int duplicates, Timestamp now, double clockOffsetSeconds)
    {
        var e = Get(sensor);
        lock (e)
        {
            e.Accepted += count;
            e.Duplicates += duplicates;
            e.Rate = Rate(e, now, count);
            e.LastMessage = now;
            e.ClockOffset = e.OffsetSamples == 0 ? clockOffsetSeconds : e.ClockOffset + (0.05 * (clockOffsetSeconds - e.ClockOffset));
            e.OffsetSamples++;
        }
    }

    /// <summary>Records a direction finder's latest bearing (kept if newer by sensor time than the one held).</summary>
    public void Bearing(string sensor, SensorBearing bearing)
    {
        ArgumentNullException.ThrowIfNull(bearing);
        var e = Get(sensor);
        lock (e)
        {
            if (e.LastBearing is null || bearing.Time >= e.LastBearing.Time)
            {
                e.LastBearing = bearing;
            }
        }
    }

    /// <summary>Records refused items (bad input) from a sensor.</summary>
    public void Refused(string sensor, int count, Timestamp now)
    {
        var e = Get(sensor);
        lock (e)
        {
            e.Refused += count;
            e.LastRefused = now;
        }
    }

    /// <summary>Records observations too late to track (journalled only).</summary>
    public void Late(string sensor, int count)
    {
        var e = Get(sensor);
        lock (e)
        {
            e.Late += count;
        }
    }

    /// <summary>Records observations stamped further ahead of the server clock than the reorder window (journalled only).</summary>
    public void Future(string sensor, int count)
    {
        var e = Get(sensor);
        lock (e)
        {
            e.Future += count;
        }
    }

    /// <summary>Records observations late but within the reorder window (tracked, widened).</summary>
    public void Reordered(string sensor, int count)
    {
        var e = Get(sensor);
        lock (e)
        {
            e.Reordered += count;
        }
    }

    /// <summary>Records observations dropped from live tracking because the tracker queue was full.</summary>
    public void Dropped(string sensor, int count)
    {
        var e = Get(sensor);
        lock (e)
        {
            e.Dropped += count;
        }
    }

    /// <summary>The sensor's figures at <paramref name="now"/>.</summary>
    public SensorHealth Read(string sensor, Timestamp now, double degradedAfterSeconds, double downAfterSeconds)
    {
        if (!_entries.TryGetValue(sensor, out var e))
        {
            return new SensorHealth(SensorState.Down, null, 0, 0, 0, 0, 0, 0, 0, null, null);
        }

        lock (e)
        {
            double? age = e.LastMessage is { } last ? Math.Max(0, now.SecondsSince(last)) : null;
            var recentlyRefused = e.LastRefused is { } r && now.SecondsSince(r) < degradedAfterSeconds;
            var state = age is null || age > downAfterSeconds ? SensorState.Down
                : age > degradedAfterSeconds || recentlyRefused ? SensorState.Degraded
                : SensorState.Up;
            var rate = age is { } a && a < 10 ? e.Rate : 0;
            return new SensorHealth(state, age, rate, e.Accepted, e.Duplicates, e.Refused, e.Late, e.Reordered, e.Dropped, e.OffsetSamples > 0 ? e.ClockOffset : null, e.LastBearing) { Future = e.Future };
        }
    }

    private static double Rate(Entry e, Timestamp now, int count)
    {
        // Exponentially weighted messages per second with a 5 s time constant.
        if (e.LastMessage is not { } last)
        {
            return 0;
        }

        var dt = Math.Max(1e-3, now.SecondsSince(last));
        var w = Math.Exp(-dt / 5.0);
        return (w * e.Rate) + ((1 - w) * count / dt);
    }

    private Entry Get(string sensor) => _entries.GetOrAdd(sensor, static _ => new Entry());

    private sealed class Entry
    {
        public long Accepted;
        public long Duplicates;
        public long Refused;
        public long Late;
        public long Future;
        public long Reordered;
        public long Dropped;
        public double Rate;
        public double ClockOffset;
        public long OffsetSamples;
        public Timestamp? LastMessage;
        public Timestamp? LastRefused;
        public SensorBearing? LastBearing;
    }
}

/// <summary>A sensor's health figures.</summary>
/// <param name="State">Up, Degraded or Down.</param>
/// <param name="LastMessageAgeSeconds">Seconds since its last accepted message, or null if never.</param>
/// <param name="MessagesPerSecond">Recent observation rate.</param>
/// <param name="Accepted">Observations journalled.</param>
/// <param name="Duplicates">Retries recognised as duplicates (not journalled twice).</param>
/// <param name="Refused">Items refused as bad input.</param>
/// <param name="Late">Observations older than the reorder window (journalled, not tracked).</param>
/// <param name="Reordered">Late observations within the reorder window (tracked, widened).</param>
/// <param name="Dropped">Observations not tracked because the tracker queue was full (journalled).</param>
/// <param name="ClockOffsetSeconds">Smoothed receive time − sensor time, or null before the first message.</param>
/// <param name="LastBearing">A direction finder's latest bearing, or null.</param>
public sealed record SensorHealth(
    SensorState State,
    double? LastMessageAgeSeconds,
    double MessagesPerSecond,
    long Accepted,
    long Duplicates,
    long Refused,
    long Late,
    long Reordered,
    long Dropped,
    double? ClockOffsetSeconds,
    SensorBearing? LastBearing)
{
    /// <summary>Observations stamped further ahead of the server clock than the reorder window (journalled, not tracked).</summary>
    public long Future { get; init; }
}

/// <summary>A direction finder's bearing as reported: degrees from north (clockwise), optional elevation, sensor time.</summary>
/// <param name="AzimuthDegrees">Bearing, degrees from true north in the picture frame.</param>
/// <param name="ElevationDegrees">Elevation above the horizontal, degrees, if measured.</param>
/// <param name="Time">Sensor time of the bearing.</param>
public sealed record SensorBearing(double AzimuthDegrees, double? ElevationDegrees, Timestamp Time);
