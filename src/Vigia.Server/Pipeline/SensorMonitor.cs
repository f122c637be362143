using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigia.Core.Time;
using Vigia.Server.Endpoints;
using Vigia.Server.Hosting;
using Vigia.Server.Json;
using Vigia.Storage;

namespace Vigia.Server.Pipeline;

/// <summary>
/// Once a second: re-reads the sensor registry (changes made with <c>vigia sensors</c> while serving),
/// publishes sensor health on the stream, and journals every Up/Degraded/Down transition as a sensor
/// event. Nothing else runs in its tick (retention has its own loop, <see cref="RetentionService"/>), so
/// sensor health and coverage-lost alerts are never held up.
/// </summary>
public sealed partial class SensorMonitor(
    SensorDirectory directory,
    SensorHealthBook health,
    Ingest.SensorInputs inputs,
    EventBroadcaster broadcaster,
    IJournal journal,
    Threats.AlertLoop alerts,
    IOptions<VigiaServerOptions> options,
    TimeProvider clock,
    ILogger<SensorMonitor> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (JournalException ex)
            {
                LogJournalError(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var wall = clock.GetUtcNow();
        var now = Timestamp.FromDateTimeOffset(wall);
        var report = SensorReport.Build(directory, health, options.Value, now, inputs);
        broadcaster.Publish(StreamFrames.Encode("sensors", JsonSerializer.SerializeToUtf8Bytes(new SensorsEvent("live", wall, report) { Exercise = options.Value.Exercise ? true : null }, ServerJsonContext.Default.SensorsEvent)));
        foreach (var sensor in report)
        {
            if (_states.TryGetValue(sensor.Id, out var previous) && previous == sensor.State)
            {
                continue;
            }

            var first = previous is null;
            _states[sensor.Id] = sensor.State;
            if (!first && (sensor.State == "down" || previous == "down"))
            {
                // Coverage lost when a sensor that was reporting goes down; back when it reports again.
                alerts.SensorStateChanged(sensor.Id, sensor.State == "down", now);
            }

            if (!first || sensor.State != "down")
            {
                await journal.AppendSensorEventAsync(new SensorEvent(now, sensor.Id, sensor.State, first ? "" : $"was {previous}"), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor monitor could not use the journal")]
    private static partial void LogJournalError(ILogger logger, Exception exception);
}
