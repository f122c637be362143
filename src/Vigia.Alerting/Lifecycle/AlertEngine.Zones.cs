using System.Globalization;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Alerting.Lifecycle;

/// <summary>Zone incidents: per-track levels with the de-escalation dwell, then one alert per zone.</summary>
public sealed partial class AlertEngine
{
    /// <summary>Standing zone alerts whose zone is gone (removed, or not there at restore): cleared at the next evaluation.</summary>
    private readonly List<string> _orphans = [];

    private void EvaluateZone(ZoneIncident incident, Timestamp now, IReadOnlyCollection<TrackSnapshot> tracks)
    {
        _seen.Clear();
        var zone = incident.Zone;
        var lookAhead = _options.MaxPredictionMarginMeters + _options.HysteresisMeters;
        var index = -1;
        foreach (var track in tracks)
        {
            var position = _positions[++index];
            var memory = incident.Tracks.GetValueOrDefault(track.TrackId);
            if (memory is null)
            {
                // Cheap pre-gate: only tracks that could reach the zone within the horizon get memory.
                var here = zone.Zone.Geometry.Plane.ToEnu(position);
                var reach = incident.ReachMeters + lookAhead + (track.Velocity.HorizontalLength * _options.WarningHorizonSeconds);
                if (here.HorizontalLength > reach)
                {
                    continue;
                }

                memory = new TrackZoneMemory();
                incident.Tracks.Add(track.TrackId, memory);
            }

            _seen.Add(track.TrackId);
            memory.UasId = track.UasId;
            var assessment = _assessor.Assess(track, position, _pictureFrame, zone, memory, _allowList.Allows(track.UasId, now), now);
            Hold(memory, assessment, now);
        }

        _gone.Clear();
        foreach (var (trackId, memory) in incident.Tracks)
        {
            if (!_seen.Contains(trackId))
            {
                Hold(memory, memory.Last with { Level = AlertLevel.None, Reasons = [], Relation = ZoneRelation.None }, now);
            }

            if (memory.HeldLevel == AlertLevel.None && (memory.Relation == ZoneRelation.None || !_seen.Contains(trackId)))
            {
                _gone.Add(trackId);
            }
        }

        foreach (var trackId in _gone)
        {
            incident.Tracks.Remove(trackId);
        }

        Advance(incident, now);
    }

    /// <summary>A level rises at once; it falls only after it has not been met for the de-escalation dwell.</summary>
    private void Hold(TrackZoneMemory memory, TrackZoneAssessment assessment, Timestamp now)
    {
        memory.Last = assessment;
        if (assessment.Level >= memory.HeldLevel || now.SecondsSince(memory.HeldMetAt) >= _options.DeescalateAfterSeconds)
        {
            if (memory.HeldLevel == AlertLevel.None && assessment.Level > AlertLevel.None)
            {
                memory.ConditionSince = now;
            }

            memory.HeldLevel = assessment.Level;
            memory.HeldMetAt = now;
            memory.HeldReasons = assessment.Reasons;
        }
    }

    private void Advance(ZoneIncident incident, Timestamp now)
    {
        var contributing = incident.Tracks
            .Where(t => t.Value.HeldLevel > AlertLevel.None)
            .OrderByDescending(t => t.Value.HeldLevel)
            .ThenBy(t => t.Value.Last.DistanceMeters)
            .ThenBy(t => t.Key)
            .ToList();
        var current = incident.Current;
        if (contributing.Count == 0)
        {
            if (current is null)
            {
                return;
            }

            incident.QuietSince ??= now;
            if (now.SecondsSince(incident.QuietSince.Value) >= _options.ClearAfterSeconds)
            {
                Clear(incident, now);
            }

            return;
        }

        incident.QuietSince = null;
        var worst = contributing[0].Value;
        var level = worst.HeldLevel;
        var reasons = contributing.Count > 1 ? [.. worst.HeldReasons, AlertReason.MultipleTracks] : worst.HeldReasons;
        var trackIds = contributing.Select(t => t.Key).ToArray();
        var zone = incident.Zone.Zone;
        if (current is null)
        {
            var raised = new Alert
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{zone.Id}-{now.ToDateTimeOffset():yyyyMMdd'T'HHmmss'Z'}"),
                Version = 1,
                Kind = AlertKind.ZoneThreat,
                Level = level,
                PeakLevel = level,
                Reasons = reasons,
                ZoneId = zone.Id,
                ZoneName = zone.Name,
                ZoneKind = zone.Kind,
                Area = zone.Shape,
                Band = zone.Band,
                TrackIds = trackIds,
                ConditionSince = contributing.Min(t => t.Value.ConditionSince),
                RaisedAt = now,
                UpdatedAt = now,
                ExpiresAt = now.AddSeconds(_options.ExpirySeconds),
                Exercise = _options.Exercise,
            };
            Publish(incident, AlertChange.Raised, WithFigures(raised, worst));
            return;
        }

        // A new version only for a change that matters to the people warned: level, the set of reasons, the set
        // of tracks. The worst track swapping places with another is not news (and would flood CAP and webhooks).
        var changed = level != current.Level || !reasons.ToHashSet().SetEquals(current.Reasons) || !trackIds.ToHashSet().SetEquals(current.TrackIds);
        var stale = now.SecondsSince(current.UpdatedAt) >= _options.ExpirySeconds / 2;
        if (changed || stale)
        {
            var next = NewVersion(current, now) with
            {
                Level = level,
                PeakLevel = level > current.PeakLevel ? level : current.PeakLevel,
                Reasons = reasons,
                TrackIds = trackIds,
            };
            Publish(incident, AlertChange.Updated, WithFigures(next, worst));
        }
    }

    private static Alert WithFigures(Alert alert, TrackZoneMemory worst) => alert with
    {
        UasId = worst.UasId,
        Position = worst.Last.Position,
        SpeedMetersPerSecond = worst.Last.SpeedMetersPerSecond,
        CourseDegrees = worst.Last.CourseDegrees,
        DistanceMeters = worst.Last.DistanceMeters,
        SecondsToEntry = worst.Last.SecondsToEntry,
    };

    private void Clear(ZoneIncident incident, Timestamp now)
    {
        var cleared = NewVersion(incident.Current!, now) with { ClearedAt = now, TrackIds = [] };
        incident.QuietSince = null;
        Publish(incident, AlertChange.Cleared, cleared);
    }

    private void ClearOrphans(Timestamp now)
    {
        foreach (var id in _orphans)
        {
            // From the alert's latest version (an acknowledgement may have followed the zone's removal), so version
            // numbers never repeat; gone already when it cleared another way.
            if (_byId.GetValueOrDefault(id) is not { IsActive: true } current || _zones.Exists(z => z.Current?.Id == id))
            {
                continue;
            }

            var cleared = NewVersion(current, now) with { ClearedAt = now, TrackIds = [] };
            Store(cleared);
            _events.Add(new AlertEvent(AlertChange.Cleared, cleared));
        }

        _orphans.Clear();
    }

    private void Publish(ZoneIncident incident, AlertChange change, Alert alert)
    {
        incident.Current = alert.IsActive ? alert : null;
        Store(alert);
        _events.Add(new AlertEvent(change, alert));
    }
}
