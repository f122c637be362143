namespace Vigia.Alerting.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>One or more tracks threaten a protected zone (one incident per zone).</summary>
    ZoneThreat,

    /// <summary>A sensor that covered one or more zones went down.</summary>
    CoverageLost,
}
