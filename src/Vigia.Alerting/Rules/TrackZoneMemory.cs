using Vigia.Alerting.Alerts;
using Vigia.Core.Time;

namespace Vigia.Alerting.Rules;

/// <summary>
/// What the rules remember about one track against one zone between evaluations: the last geometric
/// relation (for hysteresis), when slow flight inside began (loitering), and the held level with its
/// reasons (the de-escalation dwell). Owned by one evaluator; not thread-safe.
/// </summary>
internal sealed class TrackZoneMemory
{
    /// <summary>The relation found last time (thresholds widen by the hysteresis while it holds).</summary>
    public ZoneRelation Relation { get; set; }

    /// <summary>When the track began moving slowly inside the zone, or null.</summary>
    public Timestamp? SlowInsideSince { get; set; }

    /// <summary>Whether the track has loitered inside since it last entered.</summary>
    public bool Loitered { get; set; }

    /// <summary>The level held now (drops only after the de-escalation dwell).</summary>
    public AlertLevel HeldLevel { get; set; }

    /// <summary>When <see cref="HeldLevel"/> was last met.</summary>
    public Timestamp HeldMetAt { get; set; }

    /// <summary>The reasons behind <see cref="HeldLevel"/> when it was last met.</summary>
    public AlertReason[] HeldReasons { get; set; } = [];

    /// <summary>The last assessment's figures (for the alert's description).</summary>
    public TrackZoneAssessment Last { get; set; }

    /// <summary>The track's UAS ID at the last assessment, or null.</summary>
    public string? UasId { get; set; }

    /// <summary>When the condition behind the held level was first met in this spell.</summary>
    public Timestamp ConditionSince { get; set; }
}
