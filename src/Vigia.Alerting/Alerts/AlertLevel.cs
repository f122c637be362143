namespace Vigia.Alerting.Alerts;

/// <summary>How urgent an alert is. Ordered: a higher value is more severe.</summary>
public enum AlertLevel
{
    /// <summary>No alert.</summary>
    None = 0,

    /// <summary>Something to watch: an unknown drone in a watch buffer, a sensor's coverage lost.</summary>
    Advisory = 1,

    /// <summary>Predicted entry into a protected zone within the warning horizon.</summary>
    Warning = 2,

    /// <summary>Inside a protected zone, or hovering over it: take cover now.</summary>
    Alarm = 3,
}
