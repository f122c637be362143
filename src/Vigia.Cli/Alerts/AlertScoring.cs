// The pieces AlertScorer works with: scans by time, truths with their WGS-84 path, alert histories, zone timelines, rules.
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Alerts;

/// <summary>Times are compared as whole milliseconds (the formats match scan times to 1 ms).</summary>
internal static class ScanTime
{
    public static long Key(double seconds) => (long)Math.Round(seconds * 1000);
}

/// <summary>The run's scans, found by time.</summary>
internal sealed class Scans
{
    private readonly Dictionary<long, int> _index = [];

    public Scans(IReadOnlyList<AlertScan> scans)
    {
        List = scans;
        for (var i = 0; i < scans.Count; i++)
        {
            _index[ScanTime.Key(scans[i].T)] = i;
        }
    }

    public IReadOnlyList<AlertScan> List { get; }

    public AlertScan? At(double seconds) => _index.TryGetValue(ScanTime.Key(seconds), out var i) ? List[i] : null;

    public int? IndexAt(double seconds) => _index.TryGetValue(ScanTime.Key(seconds), out var i) ? i : null;

    /// <summary>
    /// The first scan time (at or after <paramref name="fromSeconds"/>) at which a displayed track lies within
    /// the match distance of the truth.
    /// </summary>
    public double? FirstDetection(TruthPath truth, double fromSeconds = double.NegativeInfinity)
    {
        foreach (var state in truth.Truth.States)
        {
            if (state.T >= fromSeconds - 1e-9 && At(state.T) is { } scan && scan.Tracks.Values.Any(p => Near(p, state)))
            {
                return state.T;
            }
        }

        return null;
    }

    public static bool Near(EnuVector track, TruthState truth)
    {
        var (dx, dy, dz) = (track.EastMeters - truth.X, track.NorthMeters - truth.Y, track.UpMeters - truth.Z);
        return (dx * dx) + (dy * dy) + (dz * dz) <= AlertScorer.MatchMeters * AlertScorer.MatchMeters;
    }
}

/// <summary>A truth with each state's WGS-84 position (for the zone geometry) and its states by time.</summary>
internal sealed class TruthPath
{
    private readonly Dictionary<long, int> _index = [];

    public TruthPath(TruthTrack truth, LocalTangentPlane frame)
    {
        Truth = truth;
        Frame = frame;
        Geo = [.. truth.States.Select(s => frame.ToGeodetic(new EnuVector(s.X, s.Y, s.Z)))];
        for (var i = 0; i < truth.States.Count; i++)
        {
            _index[ScanTime.Key(truth.States[i].T)] = i;
        }
    }

    public TruthTrack Truth { get; }

    public LocalTangentPlane Frame { get; }

    public GeoPosition[] Geo { get; }

    /// <summary>Its last sample time (it is alive until then at least).</summary>
    public double LastSeconds => Truth.States.Count > 0 ? Truth.States[^1].T : Truth.BirthSeconds;

    public int? IndexAt(double seconds) => _index.TryGetValue(ScanTime.Key(seconds), out var i) ? i : null;

    public TruthState? StateAt(double seconds) => IndexAt(seconds) is { } i ? Truth.States[i] : null;

    /// <summary>The first sample time at which <paramref name="met"/> holds, or null.</summary>
    public double? FirstTime(Func<int, bool> met)
    {
        for (var i = 0; i < Truth.States.Count; i++)
        {
            if (met(i))
            {
                return Truth.States[i].T;
            }
        }

        return null;
    }
}

/// <summary>One zone alert's versions, in order.</summary>
internal sealed class AlertHistory
{
    private AlertHistory(string id, string zoneId)
    {
        Id = id;
        ZoneId = zoneId;
    }

    public string Id { get; }

    public string ZoneId { get; }

    public List<TimedAlertEvent> Versions { get; } = [];

    public double RaisedSeconds => Versions[0].T;

    public double? ClearedSeconds => Versions[^1].Event.Change == AlertChange.Cleared ? Versions[^1].T : null;

    public AlertLevel PeakLevel => Versions[^1].Event.Alert.PeakLevel;

    /// <summary>Zone-threat alerts by id, in raise order.</summary>
    public static List<AlertHistory> From(IEnumerable<TimedAlertEvent> events)
    {
        var byId = new Dictionary<string, AlertHistory>(StringComparer.Ordinal);
        var ordered = new List<AlertHistory>();
        foreach (var e in events)
        {
            if (e.Event.Alert.Kind != AlertKind.ZoneThreat || e.Event.Alert.ZoneId is not { } zone)
            {
                continue;
            }

            if (!byId.TryGetValue(e.Event.Alert.Id, out var history))
            {
                history = new AlertHistory(e.Event.Alert.Id, zone);
                byId.Add(history.Id, history);
                ordered.Add(history);
            }

            history.Versions.Add(e);
        }

        return ordered;
    }

    public AlertOutcome Outcome(double? previousCleared = null, string? cause = null) => new(Id, ZoneId, RaisedSeconds, ClearedSeconds, PeakLevel, previousCleared, cause);

    /// <summary>
    /// What the contributing tracks were: the worst role (threat, then allowed, then cooperative) of a truth that one
    /// of them came within the match distance of while the alert stood, or "false track" when none did.
    /// </summary>
    public string Cause(Scans scans, IReadOnlyList<TruthPath> truths)
    {
        var roles = new HashSet<TruthRole>();
        ForEachContributing(scans, (scan, position) =>
        {
            foreach (var truth in truths)
            {
                if (truth.StateAt(scan.T) is { } state && Scans.Near(position, state))
                {
                    roles.Add(truth.Truth.EffectiveRole);
                }
            }

            return false;
        });
        return roles.Contains(TruthRole.Threat) ? "threat"
            : roles.Contains(TruthRole.Allowed) ? "allowed"
            : roles.Contains(TruthRole.Cooperative) ? "cooperative"
            : "false track";
    }

    /// <summary>
    /// True when, at some scan while it stood, a contributing track (of the version in force) lay within the match
    /// distance of a threat truth there.
    /// </summary>
    public bool IsTrue(Scans scans, IReadOnlyList<TruthPath> threats) =>
        ForEachContributing(scans, (scan, position) => threats.Any(t => t.StateAt(scan.T) is { } state && Scans.Near(position, state)));

    /// <summary>
    /// Calls <paramref name="visit"/> with each scan while the alert stood and the position there of each track the
    /// version in force lists as contributing (tracks not displayed at that scan are skipped); stops at the first true.
    /// </summary>
    private bool ForEachContributing(Scans scans, Func<AlertScan, EnuVector, bool> visit)
    {
        var start = scans.IndexAt(RaisedSeconds) ?? 0;
        var end = ClearedSeconds;
        var version = 0;
        for (var i = start; i < scans.List.Count && (end is not { } e || scans.List[i].T < e - 1e-9); i++)
        {
            var scan = scans.List[i];
            while (version + 1 < Versions.Count && Versions[version + 1].T <= scan.T + 1e-9)
            {
                version++;
            }

            foreach (var trackId in Versions[version].Event.Alert.TrackIds)
            {
                if (scan.Tracks.TryGetValue(trackId, out var position) && visit(scan, position))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>A zone's alert level over time: what stands after each change.</summary>
internal sealed class ZoneTimeline
{
    private readonly List<(double T, AlertLevel Level, AlertHistory? Alert)> _changes = [];
    private readonly List<AlertHistory> _alerts;

    public ZoneTimeline(IEnumerable<AlertHistory> alerts)
    {
        _alerts = [.. alerts.OrderBy(a => a.RaisedSeconds)];
        foreach (var alert in _alerts)
        {
            foreach (var version in alert.Versions)
            {
                var active = version.Event.Alert.IsActive;
                _changes.Add((version.T, active ? version.Event.Alert.Level : AlertLevel.None, active ? alert : null));
            }
        }

        // One alert per zone at a time, so ordering by time (then clear before raise at one instant) is the zone's history.
        _changes.Sort((a, b) => a.T != b.T ? a.T.CompareTo(b.T) : (a.Alert is null ? 0 : 1).CompareTo(b.Alert is null ? 0 : 1));
    }

    /// <summary>The change in force at <paramref name="seconds"/>, or null before the first.</summary>
    private (double T, AlertLevel Level, AlertHistory? Alert)? At(double seconds)
    {
        (double, AlertLevel, AlertHistory?)? found = null;
        foreach (var change in _changes)
        {
            if (change.T > seconds + 1e-9)
            {
                break;
            }

            found = change;
        }

        return found;
    }

    /// <summary>
    /// The first time at or after <paramref name="from"/> (and not after <paramref name="until"/>) at which the zone's
    /// level is at least <paramref name="level"/>: <paramref name="from"/> itself when it already is.
    /// </summary>
    public double? FirstAtLeast(AlertLevel level, double from, double until)
    {
        if (At(from) is { } now && now.Level >= level)
        {
            return from;
        }

        foreach (var change in _changes)
        {
            if (change.T > from + 1e-9 && change.T <= until + 1e-9 && change.Level >= level)
            {
                return change.T;
            }
        }

        return null;
    }

    /// <summary>
    /// The first time the alert standing at <paramref name="entry"/> was at warning or above, if at or before
    /// <paramref name="entry"/>; else null (not warned).
    /// </summary>
    public double? FirstWarningBefore(double entry)
    {
        if (At(entry) is not { Alert: { } alert })
        {
            return null;
        }

        foreach (var version in alert.Versions)
        {
            if (version.T > entry + 1e-9)
            {
                break;
            }

            if (version.Event.Alert.IsActive && version.Event.Alert.Level >= AlertLevel.Warning)
            {
                return version.T;
            }
        }

        return null;
    }

    /// <summary>Alerts raised within the flap window after the previous alert of the zone cleared.</summary>
    public IEnumerable<AlertOutcome> Flaps(Scans scans, IReadOnlyList<TruthPath> truths)
    {
        for (var i = 1; i < _alerts.Count; i++)
        {
            if (_alerts[i - 1].ClearedSeconds is { } cleared && _alerts[i].RaisedSeconds - cleared <= AlertScorer.FlapWindowSeconds + 1e-9)
            {
                yield return _alerts[i].Outcome(cleared, $"{_alerts[i - 1].Cause(scans, truths)}, then {_alerts[i].Cause(scans, truths)}");
            }
        }
    }
}

/// <summary>A threat rule as judged on the truth: its condition and the level it gives a track without Remote ID.</summary>
internal sealed class Rule
{
    private readonly Func<TruthPath, int, ZoneContext, LocalTangentPlane, ThreatRuleOptions, bool> _met;

    private Rule(string name, AlertLevel level, Func<TruthPath, int, ZoneContext, LocalTangentPlane, ThreatRuleOptions, bool> met)
    {
        Name = name;
        Level = level;
        _met = met;
    }

    /// <summary>In the watch buffer (outside the outline, within the buffer's width).</summary>
    public static Rule InBuffer { get; } = new("in_buffer", AlertLevel.Advisory, (truth, i, zone, _, _) =>
        zone.Zone.BufferMeters > 0 && zone.Zone.Geometry.DistanceMeters(truth.Geo[i]) is > 0 and var d && d <= zone.Zone.BufferMeters);

    /// <summary>Outside, and its own velocity brings it inside within the warning horizon.</summary>
    public static Rule PredictedEntry { get; } = new("predicted_entry", AlertLevel.Warning, (truth, i, zone, frame, rules) =>
    {
        var s = truth.Truth.States[i];
        var velocity = new EnuVector(s.Vx, s.Vy, s.Vz);
        return velocity.HorizontalLength >= rules.MinPredictionSpeedMetersPerSecond
            && !zone.Zone.Geometry.Contains(truth.Geo[i])
            && zone.Zone.Geometry.TimeToEntrySeconds(truth.Geo[i], velocity, rules.WarningHorizonSeconds, frame) is not null;
    });

    /// <summary>Inside the outline and the altitude band (a band that cannot be checked counts as inside, as in the engine).</summary>
    public static Rule Inside { get; } = new("inside", AlertLevel.Alarm, (truth, i, zone, _, _) =>
        zone.Zone.Geometry.Contains(truth.Geo[i]) && (!zone.TryContainsHeight(truth.Geo[i], out var within) || within));

    public static IReadOnlyList<Rule> All { get; } = [InBuffer, PredictedEntry, Inside];

    public string Name { get; }

    public AlertLevel Level { get; }

    public bool Met(TruthPath truth, int index, ZoneContext zone, LocalTangentPlane frame, ThreatRuleOptions rules) => _met(truth, index, zone, frame, rules);
}
