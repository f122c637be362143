using Vigia.Alerting.Alerts;
using Vigia.Core.Time;
using Vigia.Server.Threats;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// The alert journal output with the transactional outbox: each batch of alert changes is journalled (the rows
/// <see cref="AlertJournalOutput"/> writes) and its webhook messages enqueued in ONE transaction, then the dispatcher is
/// woken. <see cref="WebhookServiceCollectionExtensions.AddVigiaWebhooks"/> puts it in <see cref="AlertJournalOutput"/>'s
/// place, so the journal stays the first output and an alert change is durable together with its webhooks or not at all.
/// </summary>
public sealed class WebhookJournalOutput(IWebhookOutbox outbox, WebhookDispatcher dispatcher, TimeProvider time) : IAlertOutput
{
    /// <inheritdoc />
    public string Name => "journal+webhooks";

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        var added = await outbox.AppendAlertEventsWithWebhooksAsync(
            [.. events.Select(AlertJournalOutput.ToRecord)],
            [.. events.Select(e => WebhookMessages.From(e, now))],
            cancellationToken).ConfigureAwait(false);
        if (added > 0)
        {
            dispatcher.Wake();
        }
    }
}
