using Vigia.Alerting.Alerts;

namespace Vigia.Alerting.Webhooks;

/// <summary>The <c>type</c> of a webhook payload for each alert change (stable strings, never renamed).</summary>
public static class WebhookEventTypes
{
    /// <summary>An alert was raised (its version 1).</summary>
    public const string Raised = "alert.raised";

    /// <summary>An active alert's level, reasons or tracks changed.</summary>
    public const string Updated = "alert.updated";

    /// <summary>An operator acknowledged an alert.</summary>
    public const string Acknowledged = "alert.acknowledged";

    /// <summary>An alert is over (its last version).</summary>
    public const string Cleared = "alert.cleared";

    /// <summary>The type for <paramref name="change"/>.</summary>
    public static string Of(AlertChange change) => change switch
    {
        AlertChange.Raised => Raised,
        AlertChange.Updated => Updated,
        AlertChange.Acknowledged => Acknowledged,
        AlertChange.Cleared => Cleared,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "unknown alert change"),
    };
}
