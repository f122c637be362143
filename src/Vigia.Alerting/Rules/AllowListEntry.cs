using Vigia.Core.Time;

namespace Vigia.Alerting.Rules;

/// <summary>
/// A known cooperative drone (by its Remote ID UAS ID) that is shown but never alerted on, optionally only
/// within a time window (a planned survey flight, say).
/// </summary>
/// <param name="UasId">The UAS ID as broadcast (serial number or registration).</param>
/// <param name="Description">Who flies it and why.</param>
/// <param name="From">Start of the window, or null for "always".</param>
/// <param name="To">End of the window, or null for "no end".</param>
public sealed record AllowListEntry(string UasId, string Description, Timestamp? From = null, Timestamp? To = null)
{
    /// <summary>Whether the entry applies at <paramref name="time"/>.</summary>
    public bool AppliesAt(Timestamp time) => (From is not { } from || time >= from) && (To is not { } to || time <= to);
}
