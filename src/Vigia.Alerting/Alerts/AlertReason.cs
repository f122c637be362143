namespace Vigia.Alerting.Alerts;

/// <summary>
/// Why an alert stands, as a stable reason code (its <see cref="AlertReasonCodes"/> string is what the API,
/// CAP parameters, webhooks and CoT remarks carry). <see cref="AlertText"/> gives the words in Spanish and English.
/// </summary>
public enum AlertReason
{
    /// <summary>A track without Remote ID is inside the zone's watch buffer.</summary>
    UnknownInBuffer,

    /// <summary>A track is predicted to enter the zone within the warning horizon.</summary>
    PredictedEntry,

    /// <summary>A track is inside the zone (horizontally and within its altitude band).</summary>
    InsideZone,

    /// <summary>A track is over the zone but outside its altitude band.</summary>
    OverflyingOutsideBand,

    /// <summary>A track has hovered or loitered over the zone.</summary>
    Loitering,

    /// <summary>The track broadcasts no Remote ID (non-cooperative): the level is raised.</summary>
    NoRemoteId,

    /// <summary>The track's Remote ID fails plausibility checks (possible spoofing): the level is raised.</summary>
    RemoteIdDoubtful,

    /// <summary>The track broadcasts a plausible Remote ID (cooperative): the level is lowered by one.</summary>
    Cooperative,

    /// <summary>More than one track threatens the same place.</summary>
    MultipleTracks,

    /// <summary>A sensor covering the zone is down.</summary>
    CoverageLost,
}
