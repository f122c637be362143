namespace Vigia.Alerting.Alerts;

/// <summary>What happened to an alert in one <see cref="AlertEvent"/>.</summary>
public enum AlertChange
{
    /// <summary>First raised (version 1).</summary>
    Raised,

    /// <summary>Level, reasons or contributing tracks changed while active.</summary>
    Updated,

    /// <summary>An operator acknowledged it (who and when are on the alert).</summary>
    Acknowledged,

    /// <summary>Its condition has been gone for the clear dwell: it is over (the last version).</summary>
    Cleared,
}
