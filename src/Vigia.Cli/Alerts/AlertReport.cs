using Vigia.Alerting.Alerts;

namespace Vigia.Cli.Alerts;

/// <summary>
/// The figures of <c>vigia eval --alerts</c> (docs/alerting-scenarios.md, "Scoring"): zone entries by threat
/// truths and their warnings, rule latencies, false alerts, flaps and alert counts.
/// </summary>
internal sealed record AlertReport
{
    /// <summary>Scenario length, s.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Zones evaluated.</summary>
    public required int Zones { get; init; }

    /// <summary>Truths by effective role.</summary>
    public required IReadOnlyDictionary<string, int> TruthsByRole { get; init; }

    /// <summary>Every entry of a threat truth into a zone outline, in time order.</summary>
    public required IReadOnlyList<ZoneEntry> Entries { get; init; }

    /// <summary>Threat truths that appeared already inside a zone (not entries: nothing could warn of them).</summary>
    public required int AppearedInside { get; init; }

    /// <summary>Figures over every entry.</summary>
    public required EntrySummary AllEntries { get; init; }

    /// <summary>Figures over the entries the targets are about (first detected ≥ 1 km outside the buffer, approach ≤ 15 m/s).</summary>
    public required EntrySummary TargetEntries { get; init; }

    /// <summary>Alert latency per rule.</summary>
    public required IReadOnlyList<RuleLatency> Latencies { get; init; }

    /// <summary>Zone alerts raised (incidents).</summary>
    public required int Alerts { get; init; }

    /// <summary>Alerts by the highest level they reached.</summary>
    public required IReadOnlyDictionary<AlertLevel, int> AlertsByPeakLevel { get; init; }

    /// <summary>Alert versions after the raise (level, reasons or tracks changed, or re-issued).</summary>
    public required int Updates { get; init; }

    /// <summary>Alerts cleared before the end.</summary>
    public required int Cleared { get; init; }

    /// <summary>False alerts: no contributing track came within the match distance of a threat truth during the alert.</summary>
    public required IReadOnlyList<AlertOutcome> FalseAlerts { get; init; }

    /// <summary>False alerts by peak level.</summary>
    public required IReadOnlyDictionary<AlertLevel, int> FalseAlertsByPeakLevel { get; init; }

    /// <summary>False alerts per hour of scenario.</summary>
    public double FalseAlertsPerHour => DurationSeconds > 0 ? FalseAlerts.Count * 3600 / DurationSeconds : 0;

    /// <summary>Raises of a zone's alert within the flap window after the same zone's previous alert cleared.</summary>
    public required IReadOnlyList<AlertOutcome> Flaps { get; init; }

    /// <summary>The tracker that made the tracks.</summary>
    public required string Tracker { get; init; }

    /// <summary>Seconds in tracker calls, if known.</summary>
    public double? LoopSeconds { get; init; }

    /// <summary>Measurements tracked, if known.</summary>
    public long? Measurements { get; init; }
}

/// <summary>One entry of a threat truth into a zone outline.</summary>
/// <param name="TruthId">The truth.</param>
/// <param name="ZoneId">The zone.</param>
/// <param name="EntrySeconds">When it crossed the outline (interpolated between the scan samples).</param>
/// <param name="FirstWarningSeconds">First time the alert standing at entry was at warning or above, if that was before entry.</param>
/// <param name="FirstDetectionSeconds">When the truth was first tracked, or null if never before entry.</param>
/// <param name="DetectedOutsideBufferMeters">Its horizontal distance outside the zone's buffer at first detection (negative: inside the buffer).</param>
/// <param name="ApproachSpeedMetersPerSecond">Mean horizontal speed over the minute before entry.</param>
/// <param name="Qualifies">Whether the targets apply: first detected ≥ 1 km outside the buffer, approach ≤ 15 m/s.</param>
internal sealed record ZoneEntry(
    int TruthId,
    string ZoneId,
    double EntrySeconds,
    double? FirstWarningSeconds,
    double? FirstDetectionSeconds,
    double? DetectedOutsideBufferMeters,
    double ApproachSpeedMetersPerSecond,
    bool Qualifies)
{
    /// <summary>Whether the zone had a warning-or-higher alert standing before the entry.</summary>
    public bool Warned => FirstWarningSeconds is not null;

    /// <summary>Entry time − first warning, s, when warned.</summary>
    public double? LeadSeconds => FirstWarningSeconds is { } w ? EntrySeconds - w : null;
}

/// <summary>Warnings over a set of entries.</summary>
/// <param name="Entries">Entries in the set.</param>
/// <param name="Warned">Entries warned before entry.</param>
/// <param name="MedianLeadSeconds">Median lead over the warned entries, or null.</param>
/// <param name="MinLeadSeconds">Smallest lead over the warned entries, or null.</param>
internal sealed record EntrySummary(int Entries, int Warned, double? MedianLeadSeconds, double? MinLeadSeconds)
{
    /// <summary>Warned / entries, or null without entries.</summary>
    public double? WarnedFraction => Entries > 0 ? (double)Warned / Entries : null;
}

/// <summary>
/// How fast one rule's alert followed its condition on the truth: for each threat truth and zone where the
/// condition was met, from the condition (or from first detection when the condition was met at once) to the
/// zone alert reaching the rule's level.
/// </summary>
/// <param name="Rule">in_buffer, predicted_entry or inside.</param>
/// <param name="Level">The level the rule gives a track without Remote ID.</param>
/// <param name="AfterCondition">Latencies from the condition, s (condition met after first detection).</param>
/// <param name="AtOnce">Latencies from first detection, s (condition already met when first detected).</param>
/// <param name="Missed">Conditions met by a tracked truth whose alert never came while the truth was alive.</param>
/// <param name="NeverDetected">Conditions met by a truth that was never tracked.</param>
/// <param name="Late">The cases over their limit, by time.</param>
internal sealed record RuleLatency(string Rule, AlertLevel Level, IReadOnlyList<double> AfterCondition, IReadOnlyList<double> AtOnce, int Missed, int NeverDetected, IReadOnlyList<LateAlert> Late);

/// <summary>An alert that came later than its target after the rule's condition (or first detection).</summary>
/// <param name="TruthId">The threat truth.</param>
/// <param name="ZoneId">The zone.</param>
/// <param name="ConditionSeconds">When the truth first met the condition, s.</param>
/// <param name="FromSeconds">What the latency counts from: the condition, the first scan after it at which the truth was tracked, or its first detection, s.</param>
/// <param name="AlertedSeconds">When the zone alert reached the rule's level, s.</param>
/// <param name="LatencySeconds">From the condition, or from first detection when met at once, s.</param>
/// <param name="AtOnce">True when the condition was already met at first detection.</param>
internal sealed record LateAlert(int TruthId, string ZoneId, double ConditionSeconds, double FromSeconds, double AlertedSeconds, double LatencySeconds, bool AtOnce);

/// <summary>One zone alert, for the lists of false alerts and flaps.</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="ZoneId">Its zone.</param>
/// <param name="RaisedSeconds">Raise time, s.</param>
/// <param name="ClearedSeconds">Clear time, s, or null if standing at the end.</param>
/// <param name="PeakLevel">Highest level reached.</param>
/// <param name="PreviousClearedSeconds">For a flap: when the zone's previous alert cleared.</param>
/// <param name="Cause">What its tracks were (threat, allowed, cooperative or false track), for false alerts and flaps.</param>
internal sealed record AlertOutcome(string AlertId, string ZoneId, double RaisedSeconds, double? ClearedSeconds, AlertLevel PeakLevel, double? PreviousClearedSeconds = null, string? Cause = null);
