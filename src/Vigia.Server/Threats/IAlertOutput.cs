using Vigia.Alerting.Alerts;

namespace Vigia.Server.Threats;

/// <summary>
/// Somewhere alert changes go (journal, stream, webhooks outbox, TAK). The <see cref="AlertLoop"/> calls
/// every registered output in registration order with each batch of changes; one output failing is logged
/// and counted and never stops the others.
/// </summary>
public interface IAlertOutput
{
    /// <summary>A short name for logs and metrics.</summary>
    string Name { get; }

    /// <summary>Delivers (or durably queues) a batch of alert changes, in order.</summary>
    Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken);
}
