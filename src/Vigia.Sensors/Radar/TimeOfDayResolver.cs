using Vigia.Core.Time;
using Vigia.Protocols.Asterix;

namespace Vigia.Sensors.Radar;

/// <summary>Turns an ASTERIX time of day (UTC since midnight) into a full timestamp, across midnight.</summary>
/// <remarks>Thread-safety: stateless.</remarks>
public static class TimeOfDayResolver
{
    private const long NanosecondsPerDay = 86_400L * 1_000_000_000;
    private const long NanosecondsPerTick = 1_000_000_000 / AsterixTimeOfDay.TicksPerSecond;

    /// <summary>
    /// The instant with that time of day on the UTC day (previous, same or next) that puts it nearest to
    /// <paramref name="reference"/>: 23:59:59.9 received at 00:00:00.2 is the day before, 00:00:00.1 received at
    /// 23:59:59.8 the day after. The reference is the receive time (or the capture time of a replayed packet).
    /// </summary>
    public static Timestamp Resolve(AsterixTimeOfDay timeOfDay, Timestamp reference)
    {
        var referenceNs = reference.UnixNanoseconds;
        var midnight = Math.DivRem(referenceNs, NanosecondsPerDay, out var intoDay) * NanosecondsPerDay;
        if (intoDay < 0)
        {
            midnight -= NanosecondsPerDay;
        }

        var candidate = midnight + (timeOfDay.Raw * NanosecondsPerTick);
        if (candidate - referenceNs > NanosecondsPerDay / 2)
        {
            candidate -= NanosecondsPerDay;
        }
        else if (referenceNs - candidate > NanosecondsPerDay / 2)
        {
            candidate += NanosecondsPerDay;
        }

        return new Timestamp(candidate);
    }
}
