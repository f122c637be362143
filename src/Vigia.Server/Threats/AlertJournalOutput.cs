using System.Text.Json;
using Vigia.Alerting.Alerts;
using Vigia.Server.Json;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Threats;

/// <summary>Journals every alert version (first output: once it returns, the change survives a crash).</summary>
public sealed class AlertJournalOutput(IAlertStore store) : IAlertOutput
{
    /// <inheritdoc />
    public string Name => "journal";

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken) =>
        store.AppendAlertEventsAsync([.. events.Select(ToRecord)], cancellationToken);

    /// <summary>The journal row for a change.</summary>
    public static AlertEventRecord ToRecord(AlertEvent e) => new(
        0,
        e.Alert.Id,
        e.Alert.Version,
        e.Alert.UpdatedAt,
        AlertMapping.ChangeName(e.Change),
        (int)e.Alert.Level,
        e.Alert.Exercise,
        JsonSerializer.Serialize(AlertMapping.ToDto(e.Alert), ServerJsonContext.Default.AlertDto));

    /// <summary>The alert a journal row holds.</summary>
    public static Alert FromRecord(AlertEventRecord record) =>
        AlertMapping.FromDto(JsonSerializer.Deserialize(record.Body, ServerJsonContext.Default.AlertDto)
            ?? throw new FormatException($"alert {record.AlertId} v{record.Version}: empty body"));
}
