using System.Globalization;

namespace Vigia.Core.Time;

/// <summary>
/// An instant on the UTC time line, stored as whole nanoseconds since the Unix epoch
/// (1970-01-01T00:00:00Z). Used for both sensor time and receive time; which one a value is
/// is said by the field that holds it, never by the type.
/// </summary>
/// <remarks>
/// Nanosecond integers keep differences exact over centuries (±292 years around 1970), so
/// <c>a - b</c> never loses the sub-millisecond steps a tracker cares about.
/// Thread-safety: immutable value type, safe to share.
/// </remarks>
public readonly record struct Timestamp : IComparable<Timestamp>
{
    private const long NanosecondsPerSecond = 1_000_000_000L;
    private const long NanosecondsPerTick = 100L;

    /// <summary>Creates a timestamp from nanoseconds since the Unix epoch.</summary>
    public Timestamp(long unixNanoseconds) => UnixNanoseconds = unixNanoseconds;

    /// <summary>Nanoseconds since 1970-01-01T00:00:00Z.</summary>
    public long UnixNanoseconds { get; }

    /// <summary>The Unix epoch itself.</summary>
    public static Timestamp UnixEpoch => default;

    /// <summary>Seconds since the Unix epoch as a double (sub-microsecond resolution near the present).</summary>
    public double UnixSeconds => UnixNanoseconds / (double)NanosecondsPerSecond;

    /// <summary>Creates a timestamp from (possibly fractional) seconds since the Unix epoch, rounded to the nanosecond.</summary>
    public static Timestamp FromUnixSeconds(double seconds) =>
        new(checked((long)Math.Round(seconds * NanosecondsPerSecond)));

    /// <summary>Converts a <see cref="DateTimeOffset"/> (any offset) to a UTC timestamp.</summary>
    public static Timestamp FromDateTimeOffset(DateTimeOffset value) =>
        new(checked((value.UtcTicks - DateTime.UnixEpoch.Ticks) * NanosecondsPerTick));

    /// <summary>The instant as a UTC <see cref="DateTimeOffset"/> (truncated to 100 ns ticks).</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        new(DateTime.UnixEpoch.Ticks + (UnixNanoseconds / NanosecondsPerTick), TimeSpan.Zero);

    /// <summary>This instant moved by <paramref name="seconds"/> (negative moves back).</summary>
    public Timestamp AddSeconds(double seconds) =>
        new(checked(UnixNanoseconds + (long)Math.Round(seconds * NanosecondsPerSecond)));

    /// <summary>
    /// This instant moved by <paramref name="seconds"/>, or false if the result (or the shift) is not finite
    /// or falls outside the ±292 years around 1970 that nanosecond timestamps can hold.
    /// </summary>
    public bool TryAddSeconds(double seconds, out Timestamp result)
    {
        result = this;
        var nanoseconds = seconds * NanosecondsPerSecond;
        if (!double.IsFinite(nanoseconds) || Math.Abs(nanoseconds) >= 9.2e18)
        {
            return false;
        }

        var shift = (long)Math.Round(nanoseconds);
        var sum = unchecked(UnixNanoseconds + shift); // wraps on overflow, detected on the next line
        if (((UnixNanoseconds ^ sum) & (shift ^ sum)) < 0)
        {
            return false;
        }

        result = new Timestamp(sum);
        return true;
    }

    /// <summary>Seconds elapsed from <paramref name="earlier"/> to this instant (negative if it is later).</summary>
    public double SecondsSince(Timestamp earlier) =>
        (UnixNanoseconds - earlier.UnixNanoseconds) / (double)NanosecondsPerSecond;

    /// <inheritdoc />
    public int CompareTo(Timestamp other) => UnixNanoseconds.CompareTo(other.UnixNanoseconds);

    /// <summary>True if <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(Timestamp left, Timestamp right) => left.UnixNanoseconds < right.UnixNanoseconds;

    /// <summary>True if <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(Timestamp left, Timestamp right) => left.UnixNanoseconds > right.UnixNanoseconds;

    /// <summary>True if <paramref name="left"/> is not later than <paramref name="right"/>.</summary>
    public static bool operator <=(Timestamp left, Timestamp right) => left.UnixNanoseconds <= right.UnixNanoseconds;

    /// <summary>True if <paramref name="left"/> is not earlier than <paramref name="right"/>.</summary>
    public static bool operator >=(Timestamp left, Timestamp right) => left.UnixNanoseconds >= right.UnixNanoseconds;

    /// <summary>RFC 3339 UTC text with up to 7 fractional digits.</summary>
    public override string ToString() =>
        ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
