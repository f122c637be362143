using Vigia.Core.Time;

namespace Vigia.Sensors.RemoteId;

/// <summary>
/// Rebuilds a full UTC instant from the Location message's timestamp, which counts tenths of a second
/// after the full hour (ASTM F3411-22a Table 6, 0..36000; 0xFFFF = unknown), using the receive clock:
/// of the previous, current and next hour the candidate nearest to the receive time wins, so a report
/// sent at 10:59:59.9 and received at 11:00:00.2 lands in the right hour.
/// </summary>
public static class RemoteIdTime
{
    private const double SecondsPerHour = 3600;

    /// <summary>
    /// The instant the position is for, or null if the timestamp is unknown or outside 0..3600 s.
    /// </summary>
    /// <param name="secondsAfterHour">The decoded timestamp, seconds after the full hour.</param>
    /// <param name="receiveTime">When the report was received (UTC, host clock).</param>
    public static Timestamp? Rebuild(double secondsAfterHour, Timestamp receiveTime)
    {
        if (!(secondsAfterHour >= 0) || secondsAfterHour > SecondsPerHour)
        {
            return null;
        }

        var received = receiveTime.ToDateTimeOffset();
        var hourStart = Timestamp.FromDateTimeOffset(new DateTimeOffset(received.Year, received.Month, received.Day, received.Hour, 0, 0, TimeSpan.Zero));
        Timestamp? best = null;
        var bestGap = double.MaxValue;
        for (var hour = -1; hour <= 1; hour++)
        {
            if (!hourStart.TryAddSeconds((hour * SecondsPerHour) + secondsAfterHour, out var candidate))
            {
                continue; // beyond the representable range (a receive time at the very edge of it)
            }

            var gap = Math.Abs(candidate.SecondsSince(receiveTime));
            if (gap < bestGap)
            {
                bestGap = gap;
                best = candidate;
            }
        }

        return best;
    }
}
