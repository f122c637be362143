using System.Text.Json;
using Vigia.Alerting.Alerts;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;

namespace Vigia.Server.Threats;

/// <summary>Puts every alert change on the live stream (<c>event: alert</c>) and on the <see cref="AlertBoard"/>.</summary>
public sealed class AlertStreamOutput(EventBroadcaster broadcaster, AlertBoard board) : IAlertOutput
{
    /// <inheritdoc />
    public string Name => "stream";

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            board.Apply(e.Alert);
            var dto = new AlertEventDto(AlertMapping.ChangeName(e.Change), AlertMapping.ToDto(e.Alert));
            broadcaster.Publish(StreamFrames.Encode("alert", JsonSerializer.SerializeToUtf8Bytes(dto, ServerJsonContext.Default.AlertEventDto)));
        }

        return Task.CompletedTask;
    }
}
