using Vigia.Alerting.Alerts;

namespace Vigia.Alerting.Cot;

/// <summary>How Vigía names and times its Cursor-on-Target events.</summary>
public sealed record CotOptions
{
    /// <summary>
    /// Start of every uid (<c>{prefix}-track-12</c>, <c>{prefix}-alert-…</c>). Give each server its own when
    /// several feed one TAK server. Letters, digits, <c>-</c>, <c>_</c> and <c>.</c> only.
    /// </summary>
    public string UidPrefix { get; init; } = "vigia";

    /// <summary>How long a track event stays current on a TAK map without an update (a few seconds: 5 s).</summary>
    public TimeSpan TrackStale { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an alert event stays current when the alert's own expiry is not after its time (1 min).</summary>
    public TimeSpan MinimumAlertStale { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The language of callsigns and remarks (Spanish by default).</summary>
    public AlertLanguage Language { get; init; } = AlertLanguage.Spanish;

    /// <summary>Problems with these options, each <c>Field: reason</c>; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(UidPrefix) || !UidPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"UidPrefix: '{UidPrefix}' must be letters, digits, '-', '_' or '.'");
        }

        if (TrackStale <= TimeSpan.Zero)
        {
            errors.Add($"TrackStale: {TrackStale} must be positive");
        }

        if (MinimumAlertStale <= TimeSpan.Zero)
        {
            errors.Add($"MinimumAlertStale: {MinimumAlertStale} must be positive");
        }

        return errors;
    }
}
