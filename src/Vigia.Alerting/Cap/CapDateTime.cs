using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigia.Alerting.Cap;

/// <summary>
/// The CAP 1.2 date-time form (§3.3.2): <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>, whole seconds, a numeric offset
/// and never an alphabetic designator such as <c>Z</c>.
/// </summary>
/// <remarks>
/// CAP 1.2 §3.3.2 says the offset of UTC is written <c>-00:00</c>; <see cref="Format"/> does so. Readers
/// accept <c>+00:00</c> as well, as google/cap-library does.
/// </remarks>
public static partial class CapDateTime
{
    private const string Layout = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";

    /// <summary>
    /// Writes <paramref name="instant"/> as local time in <paramref name="zone"/> with that zone's offset at
    /// the instant; fractions of a second are dropped (truncated, so a message is never dated later than it
    /// was made).
    /// </summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var utc = Truncate(instant.ToUniversalTime());
        var offset = zone.GetUtcOffset(utc);
        var local = utc.ToOffset(offset);
        var sign = offset <= TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{local.ToString(Layout, CultureInfo.InvariantCulture)}{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }

    /// <summary>The instant with the fraction of a second removed.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>
    /// Parses a CAP date-time. Returns false (never throws) for anything but the exact CAP form with a real
    /// calendar date and an offset within ±14:00.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        // DateTimeOffset reads "-00:00" and "+00:00" alike; the sign of a zero offset carries no instant.
        return DateTimeOffset.TryParseExact(text, Layout + "zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-](?:0\d|1[0-4]):[0-5]\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
