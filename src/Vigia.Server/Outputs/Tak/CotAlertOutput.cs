using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Server.Threats;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Sends every zone-threat alert change to TAK as a geofence-breach event (<c>b-a-g</c>; the clear as
/// <c>b-a-o-can</c> with the same uid). Coverage-lost alerts have no CoT form and are skipped (counted in
/// <see cref="Skipped"/>); they reach people by CAP and webhooks.
/// </summary>
public sealed class CotAlertOutput(ICotPublisher publisher, CotEventBuilder builder) : IAlertOutput
{
    private long _skipped;

    /// <inheritdoc />
    public string Name => "tak";

    /// <summary>Alert changes with no CoT form (coverage lost) since start.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!publisher.Enabled)
        {
            return Task.CompletedTask;
        }

        foreach (var e in events)
        {
            if (builder.TryAlert(e.Alert, out var cotEvent, out _))
            {
                publisher.Publish(cotEvent!);
            }
            else
            {
                Interlocked.Increment(ref _skipped);
            }
        }

        return Task.CompletedTask;
    }
}
