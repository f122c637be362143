using System.Text;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>The outbox message for an alert change.</summary>
public static class WebhookMessages
{
    /// <summary>
    /// The message for <paramref name="alertEvent"/>, enqueued at <paramref name="now"/>: id <see cref="WebhookPayload.MessageId"/>
    /// (stable, so a re-published version is one message), body <see cref="WebhookPayload.Build"/>, expiring with the alert
    /// version (<see cref="Alert.ExpiresAt"/>: no retry after it). Endpoints are chosen by the alert's <see cref="Alert.PeakLevel"/>,
    /// so an endpoint that was told of an alarm is also told when it is downgraded, acknowledged and cleared.
    /// </summary>
    public static WebhookMessage From(AlertEvent alertEvent, Timestamp now)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var alert = alertEvent.Alert;
        return new WebhookMessage
        {
            MessageId = WebhookPayload.MessageId(alert),
            EventType = WebhookEventTypes.Of(alertEvent.Change),
            Payload = Encoding.UTF8.GetString(WebhookPayload.Build(alertEvent)),
            Level = (int)alert.PeakLevel,
            Created = now,
            Expires = alert.ExpiresAt,
        };
    }
}
