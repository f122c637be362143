using Vigia.Alerting.Alerts;

namespace Vigia.Alerting.Cap;

/// <summary>
/// How an alert level becomes CAP's <c>responseType</c>, <c>urgency</c>, <c>severity</c> and
/// <c>certainty</c> (CAP 1.2 §3.2.2 value lists).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Vigía</term><description>responseType / urgency / severity / certainty — why</description></listheader>
/// <item><term>alarm</term><description>Shelter / Immediate / Severe / Observed — a drone is inside or over
/// the zone now (seen by a sensor); people should take cover now.</description></item>
/// <item><term>warning</term><description>Prepare / Expected / Moderate / Likely — entry is predicted within
/// the warning horizon (minutes); it has not happened and may not.</description></item>
/// <item><term>advisory</term><description>Monitor / Future / Minor / Possible — an unknown drone in the
/// watch buffer, or a sensor's coverage lost: watch, no action yet.</description></item>
/// <item><term>cleared (Cancel)</term><description>AllClear / Past / Minor / Observed — the condition has
/// been gone for the clear dwell.</description></item>
/// </list>
/// <c>Extreme</c> severity is not used: Vigía sees a drone, not what it carries. <c>Unknown</c> is not used
/// either (the Google profile discourages it).
/// </remarks>
public static class CapLevelMapping
{
    /// <summary>The CAP values for a standing alert at <paramref name="level"/>.</summary>
    public static CapAssessment For(AlertLevel level) => level switch
    {
        AlertLevel.Alarm => new CapAssessment("Shelter", "Immediate", "Severe", "Observed"),
        AlertLevel.Warning => new CapAssessment("Prepare", "Expected", "Moderate", "Likely"),
        AlertLevel.Advisory => new CapAssessment("Monitor", "Future", "Minor", "Possible"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "a standing alert has a level of advisory or above"),
    };

    /// <summary>The CAP values of the cleared version (a <c>Cancel</c>).</summary>
    public static CapAssessment Cleared { get; } = new("AllClear", "Past", "Minor", "Observed");
}
