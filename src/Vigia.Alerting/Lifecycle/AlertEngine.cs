using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Alerting.Lifecycle;

/// <summary>
/// Threat evaluation and the alert lifecycle: fed the whole track picture at each evaluation, it applies
/// the <see cref="ThreatAssessor"/> rules to every track near every zone and turns the result into alerts —
/// one incident per zone however many tracks, raised at once when a rule is first met, updated on a change
/// of level, reasons or tracks (and re-issued before it expires), acknowledged by an operator (kept through
/// later updates), and cleared only after its condition has been gone for the clear dwell. Levels drop
/// only after the de-escalation dwell, and thresholds widen by the hysteresis once met, so a drone on a
/// zone edge does not flap. Sensors that go down raise "coverage lost" alerts for the zones they covered.
/// Time is the caller's (sensor time in live use, scenario time in evaluation), so it is deterministic.
/// </summary>
/// <remarks>Thread-safety: not thread-safe; one owner (the server's alert loop) calls it.</remarks>
public sealed partial class AlertEngine
{
    private readonly ThreatRuleOptions _options;
    private readonly ThreatAssessor _assessor;
    private LocalTangentPlane _pictureFrame;
    private readonly List<ZoneIncident> _zones = [];
    private readonly Dictionary<string, Alert> _byId = new(StringComparer.Ordinal);
    private readonly List<AlertEvent> _events = [];
    private readonly HashSet<long> _seen = [];
    private readonly List<long> _gone = [];
    private readonly List<GeoPosition> _positions = [];
    private AllowList _allowList;

    /// <summary>Creates an engine for tracks published in <paramref name="pictureFrame"/>.</summary>
    public AlertEngine(ThreatRuleOptions options, LocalTangentPlane pictureFrame, IEnumerable<ZoneContext> zones, AllowList? allowList = null)
    {
        ArgumentNullException.ThrowIfNull(pictureFrame);
        _assessor = new ThreatAssessor(options);
        _options = options;
        _pictureFrame = pictureFrame;
        _allowList = allowList ?? AllowList.Empty;
        ReplaceZones(zones);
    }

    /// <summary>
    /// The frame the pictures' tracks are published in. Only tracks use it (zones carry their own planes), so an
    /// engine can start on a provisional frame — sensor health, restored alerts, dwells and expiries all run without
    /// one — and be given the real frame when the first picture fixes it. Per-track memory is kept.
    /// </summary>
    public LocalTangentPlane PictureFrame
    {
        get => _pictureFrame;
        set => _pictureFrame = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The standing alerts (latest version of each), zone threats first.</summary>
    public IReadOnlyList<Alert> Active =>
        [.. _zones.Select(z => z.Current).OfType<Alert>(), .. _coverage.Values.Select(c => c.Alert)];

    /// <summary>The zones in force.</summary>
    public IReadOnlyList<ZoneContext> Zones => [.. _zones.Select(z => z.Zone)];

    /// <summary>
    /// Replaces the zone set (after an edit). Zones whose id is kept keep their incident and memory; a removed
    /// zone's standing alert is cleared at the next evaluation.
    /// </summary>
    public void ReplaceZones(IEnumerable<ZoneContext> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var next = zones.ToList();
        var duplicate = next.GroupBy(z => z.Zone.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"zones: id '{duplicate.Key}' appears more than once", nameof(zones));
        }

        var kept = new List<ZoneIncident>(next.Count);
        foreach (var zone in next)
        {
            var existing = _zones.Find(z => z.Zone.Zone.Id == zone.Zone.Id);
            kept.Add(existing is not null && existing.Zone.Zone.Geometry.Polygon.EqualsExact(zone.Zone.Geometry.Polygon) && existing.Zone.Zone.BufferMeters == zone.Zone.BufferMeters
                ? Keep(existing, zone)
                : new ZoneIncident(zone) { Current = existing?.Current });
        }

        foreach (var removed in _zones.Where(z => !next.Exists(n => n.Zone.Id == z.Zone.Zone.Id) && z.Current is not null))
        {
            _orphans.Add(removed.Current!.Id);
        }

        _zones.Clear();
        _zones.AddRange(kept);

        static ZoneIncident Keep(ZoneIncident existing, ZoneContext zone)
        {
            existing.Zone = zone;
            return existing;
        }
    }

    /// <summary>Replaces the allow-list.</summary>
    public void ReplaceAllowList(AllowList allowList) => _allowList = allowList ?? throw new ArgumentNullException(nameof(allowList));

    /// <summary>
    /// Evaluates the picture at <paramref name="now"/>: <paramref name="tracks"/> is every track standing now
    /// (a track missing from it has gone). Returns the alert changes, in order. Call it at each tracker update
    /// and at least once a second when nothing arrives, so dwells and expiries run.
    /// </summary>
    public IReadOnlyList<AlertEvent> Evaluate(Timestamp now, IReadOnlyCollection<TrackSnapshot> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        _events.Clear();

        // Each track's WGS-84 position once per evaluation, shared by every zone.
        _positions.Clear();
        foreach (var track in tracks)
        {
            _positions.Add(_pictureFrame.ToGeodetic(track.Position));
        }

        foreach (var zone in _zones)
        {
            EvaluateZone(zone, now, tracks);
        }

        ClearOrphans(now);
        EvaluateCoverage(now);
        return [.. _events];
    }

    /// <summary>
    /// Records an operator's acknowledgement; returns the change, or null when the alert is unknown, cleared,
    /// or already acknowledged (acknowledging twice changes nothing).
    /// </summary>
    public AlertEvent? Acknowledge(string alertId, string by, Timestamp now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!_byId.TryGetValue(alertId, out var alert) || !alert.IsActive || alert.Acknowledgement is not null)
        {
            return null;
        }

        var next = alert with
        {
            Version = alert.Version + 1,
            Acknowledgement = new Acknowledgement(by, now),
            UpdatedAt = now,
            ExpiresAt = now.AddSeconds(_options.ExpirySeconds),
        };
        Store(next);
        if (next.Kind == AlertKind.CoverageLost && next.SensorId is { } sensor && _coverage.TryGetValue(sensor, out var coverage))
        {
            coverage.Alert = next;
        }
        else if (_zones.Find(z => z.Current?.Id == alertId) is { } zone)
        {
            zone.Current = next;
        }

        return new AlertEvent(AlertChange.Acknowledged, next);
    }

    /// <summary>The latest version of an alert raised by this engine (active or cleared since start), or null.</summary>
    public Alert? Find(string alertId) => _byId.GetValueOrDefault(alertId);

    /// <summary>
    /// Takes back alerts that were standing when the process stopped (from the journal), so a restart does
    /// not raise them again: zone alerts re-attach to their zone, coverage alerts to their sensor. A zone alert
    /// whose zone is no longer in force (deleted while stopped, or no longer valid) is cleared at the next
    /// evaluation, as a deleted zone's alert is. Call it after <see cref="ReplaceZones"/>.
    /// </summary>
    public void Restore(IEnumerable<Alert> standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        foreach (var alert in standing.Where(a => a.IsActive))
        {
            _byId[alert.Id] = alert;
            if (alert.Kind == AlertKind.CoverageLost && alert.SensorId is { } sensor)
            {
                _coverage[sensor] = new CoverageIncident(alert);
            }
            else if (_zones.Find(z => z.Zone.Zone.Id == alert.ZoneId) is { } zone)
            {
                zone.Current = alert;
            }
            else
            {
                _orphans.Add(alert.Id);
            }
        }
    }

    private void Store(Alert alert)
    {
        _byId[alert.Id] = alert;
        if (!alert.IsActive && _byId.Count > 10_000)
        {
            foreach (var old in _byId.Values.Where(a => !a.IsActive).Take(_byId.Count - 5_000).Select(a => a.Id).ToList())
            {
                _byId.Remove(old);
            }
        }
    }

    private Alert NewVersion(Alert current, Timestamp now) => current with
    {
        Version = current.Version + 1,
        UpdatedAt = now,
        ExpiresAt = now.AddSeconds(_options.ExpirySeconds),
    };
}
