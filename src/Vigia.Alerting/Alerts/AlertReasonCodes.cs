namespace Vigia.Alerting.Alerts;

/// <summary>The stable wire codes of <see cref="AlertReason"/> (upper snake case, never renamed).</summary>
public static class AlertReasonCodes
{
    /// <summary>The wire code of a reason.</summary>
    public static string Of(AlertReason reason) => reason switch
    {
        AlertReason.UnknownInBuffer => "UNKNOWN_IN_BUFFER",
        AlertReason.PredictedEntry => "PREDICTED_ENTRY",
        AlertReason.InsideZone => "INSIDE_ZONE",
        AlertReason.OverflyingOutsideBand => "OVERFLYING_OUTSIDE_BAND",
        AlertReason.Loitering => "LOITERING",
        AlertReason.NoRemoteId => "NO_REMOTE_ID",
        AlertReason.RemoteIdDoubtful => "REMOTE_ID_DOUBTFUL",
        AlertReason.Cooperative => "COOPERATIVE",
        AlertReason.MultipleTracks => "MULTIPLE_TRACKS",
        AlertReason.CoverageLost => "COVERAGE_LOST",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown alert reason"),
    };

    /// <summary>The wire code of a level (<c>advisory</c>, <c>warning</c>, <c>alarm</c>).</summary>
    public static string Of(AlertLevel level) => level switch
    {
        AlertLevel.None => "none",
        AlertLevel.Advisory => "advisory",
        AlertLevel.Warning => "warning",
        AlertLevel.Alarm => "alarm",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown alert level"),
    };
}
