using System.Globalization;
using Vigia.Core.Time;

namespace Vigia.Alerting.Cot;

/// <summary>How CoT writes times and numbers (MITRE CoT Event schema 2.0).</summary>
internal static class CotFormat
{
    /// <summary>The schema's "unknown" for hae, ce and le.</summary>
    public const double Unknown = 9_999_999.0;

    /// <summary>XML Schema dateTime in UTC with milliseconds, e.g. <c>2026-03-14T18:30:15.450Z</c>.</summary>
    public static string Time(Timestamp instant) =>
        instant.ToDateTimeOffset().UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    public static string Degrees(double value) => value.ToString("0.0######", CultureInfo.InvariantCulture);

    public static string Meters(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.0##", CultureInfo.InvariantCulture) : Unknown.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
