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
    /// <summary>Where the engine's picture frame stands until the first picture brings the real one (tracks only use it).</summary>
    private static readonly LocalTangentPlane ProvisionalFrame = new(new GeoPosition(0, 0, 0));

    private readonly List<Alert> _restored = [];
    private readonly Dictionary<string, AlertWork.SensorState> _sensorStates = new(StringComparer.Ordinal);
    private volatile AllowList _allowList = AllowList.Empty;
    private bool _restoreRead;
    private bool _engineFailing;
    private long _engineRetryAt;

    /// <summary>Whether a UAS ID is allow-listed now (any thread; TAK marks such drones neutral).</summary>
    public bool IsAllowListed(string uasId) => _allowList.Allows(uasId, Timestamp.FromDateTimeOffset(clock.GetUtcNow()));

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        // Nothing can have changed yet: no sensor state has been heard.
        await EngineAsync(directory.Frame, [], cancellationToken).ConfigureAwait(false);
        board.MarkReady();
    }

    /// <summary>
    /// The engine, made at first call with the standing alerts restored from the journal (on a provisional frame
    /// when no picture frame is known yet), and given <paramref name="frame"/> when that is a new one; null while
    /// the journal cannot be read (tried again a second later). Sensor states heard before it was made are applied.
    /// </summary>
    private async Task<AlertEngine?> EngineAsync(LocalTangentPlane? frame, List<AlertEvent> events, CancellationToken cancellationToken)
    {
        if (_engine is null)
        {
            if (_engineFailing && clock.GetTimestamp() < _engineRetryAt)
            {
                return null;
            }

            try
            {
                await ReadStandingAsync(cancellationToken).ConfigureAwait(false);
                var options = ruleOptions.Value;
                options.Exercise |= serverOptions.Value.Exercise;
                var engine = new AlertEngine(options, frame ?? directory.Frame ?? ProvisionalFrame, []);
                await LoadRulesAsync(engine, cancellationToken).ConfigureAwait(false);
                engine.Restore(_restored);
                _restored.Clear();
                _engine = engine;
                _engineFailing = false;
                foreach (var state in _sensorStates.Values)
                {
                    ApplySensorState(engine, state, events);
                }
            }
            catch (JournalException ex)
            {
                if (!_engineFailing)
                {
                    LogEngineFailed(logger, ex);
                    _engineFailing = true;
                }

                _engineRetryAt = clock.GetTimestamp() + clock.TimestampFrequency;
                return null;
            }
        }

        if (frame is not null && !ReferenceEquals(frame, _engine.PictureFrame))
        {
            _engine.PictureFrame = frame;
        }

        return _engine;
    }

    private async Task ReadStandingAsync(CancellationToken cancellationToken)
    {
        if (_restoreRead)
        {
            return;
        }

        _restored.Clear();
        try
        {
            foreach (var record in await store.ReadStandingAlertsAsync(cancellationToken).ConfigureAwait(false))
            {
                var alert = AlertJournalOutput.FromRecord(record);
                _restored.Add(alert);
                board.Apply(alert);
            }
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            // A row that no longer reads: what was read before it is restored, the rest is not (not retried).
            LogRestoreFailed(logger, ex);
        }

        _restoreRead = true;
    }

    private async Task ReloadRulesAsync(AlertEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            await LoadRulesAsync(engine, cancellationToken).ConfigureAwait(false);
        }
        catch (JournalException ex)
        {
            // The rules in force stay; the next edit reloads them.
            LogReloadFailed(logger, ex);
        }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert loop could not read zones, allow-list or standing alerts from the journal; tried again each second")]
    private static partial void LogEngineFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert loop could not reload zones and allow-list from the journal; the previous ones stay in force")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored zone {ZoneId} skipped: {Reason}")]
    private static partial void LogZoneSkipped(ILogger logger, string zoneId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert output {Output} failed for {Count} alert changes")]
    private static partial void LogOutputFailed(ILogger logger, string output, int count, Exception exception);
}
