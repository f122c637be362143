using Vigia.Alerting.Alerts;
using Vigia.Alerting.Lifecycle;
using Vigia.Alerting.Rules;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Storage;

namespace Vigia.Server.Threats;

/// <summary>Start-up restore, and loading zones, allow-list and sensor coverage into the engine.</summary>
public sealed partial class AlertLoop
{
    private readonly List<Alert> _restored = [];
    private volatile AllowList _allowList = AllowList.Empty;

    /// <summary>Whether a UAS ID is allow-listed now (any thread; TAK marks such drones neutral).</summary>
    public bool IsAllowListed(string uasId) => _allowList.Allows(uasId, Timestamp.FromDateTimeOffset(clock.GetUtcNow()));

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var record in await store.ReadStandingAlertsAsync(cancellationToken).ConfigureAwait(false))
            {
                var alert = AlertJournalOutput.FromRecord(record);
                _restored.Add(alert);
                board.Apply(alert);
            }

            if (directory.Frame is { } frame)
            {
                await EngineAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is JournalException or FormatException or System.Text.Json.JsonException)
        {
            LogRestoreFailed(logger, ex);
        }

        board.MarkReady();
    }

    private async Task<AlertEngine> EngineAsync(LocalTangentPlane frame, CancellationToken cancellationToken)
    {
        if (_engine is not null && ReferenceEquals(frame, _frame))
        {
            return _engine;
        }

        var options = ruleOptions.Value;
        options.Exercise |= serverOptions.Value.Exercise;
        var engine = new AlertEngine(options, frame, []);
        await LoadRulesAsync(engine, cancellationToken).ConfigureAwait(false);
        engine.Restore(_engine?.Active ?? _restored);
        _engine = engine;
        _frame = frame;
        return engine;
    }

    private async Task LoadRulesAsync(AlertEngine engine, CancellationToken cancellationToken)
    {
        var zones = new List<ZoneContext>();
        foreach (var record in await store.ListZonesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            try
            {
                zones.Add(new ZoneContext(ZoneGeoJson.ReadFeature(record.Feature)));
            }
            catch (ZoneValidationException ex)
            {
                // Stored zones were validated when saved; one that no longer reads is skipped, not fatal.
                LogZoneSkipped(logger, record.Id, ex.Message);
            }
        }

        engine.ReplaceZones(zones);
        var allow = await store.ListAllowListAsync(cancellationToken).ConfigureAwait(false);
        _allowList = new AllowList(allow.Select(a => new AllowListEntry(a.UasId, a.Description, a.From, a.To)));
        engine.ReplaceAllowList(_allowList);
        engine.ReplaceSensors(Coverage());
    }

    private IEnumerable<SensorCoverage> Coverage() =>
        directory.Sensors.Values.Select(s => new SensorCoverage(s.Record.Id, s.Record.Position, s.Record.RangeMeters));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert loop could not restore standing alerts from the journal")]
    private static partial void LogRestoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored zone {ZoneId} skipped: {Reason}")]
    private static partial void LogZoneSkipped(ILogger logger, string zoneId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert output {Output} failed for {Count} alert changes")]
    private static partial void LogOutputFailed(ILogger logger, string output, int count, Exception exception);
}
