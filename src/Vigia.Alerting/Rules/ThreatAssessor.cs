using Vigia.Alerting.Alerts;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Alerting.Rules;

/// <summary>
/// The threat rules for one track against one zone: geometry in the zone's own ENU plane (metres), then
/// identity. Unknown (no Remote ID) in the watch buffer → advisory; predicted entry within the horizon,
/// widened by the position and velocity uncertainty → warning; inside (or loitering inside) → alarm.
/// A plausible Remote ID lowers the level by one; an implausible one, or none, keeps it (the reasons say
/// which). Allow-listed drones, manned aircraft and young tracks get nothing. Each condition, once met, holds until it is
/// exceeded by the hysteresis. Stateless apart from the <see cref="TrackZoneMemory"/> passed in.
/// </summary>
public sealed class ThreatAssessor
{
    private readonly ThreatRuleOptions _options;

    /// <summary>Creates the assessor; the options are validated.</summary>
    public ThreatAssessor(ThreatRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Assesses <paramref name="track"/> (in <paramref name="pictureFrame"/>, at <paramref name="position"/>) against <paramref name="zone"/>.</summary>
    internal TrackZoneAssessment Assess(
        in TrackSnapshot track,
        GeoPosition position,
        LocalTangentPlane pictureFrame,
        ZoneContext zone,
        TrackZoneMemory memory,
        bool allowListed,
        Timestamp now)
    {
        var plane = zone.Zone.Geometry.Plane;
        var here = plane.ToEnu(position);
        var velocity = plane.TransformDirectionFrom(pictureFrame, track.Velocity);
        var speed = velocity.HorizontalLength;
        var course = (Math.Atan2(track.Velocity.EastMeters, track.Velocity.NorthMeters) * 180.0 / Math.PI + 360.0) % 360.0;
        var distance = zone.Zone.Geometry.DistanceMeters(here.EastMeters, here.NorthMeters);
        var sigma = Math.Sqrt(Math.Max(0, (track.PositionCovariance.M11 + track.PositionCovariance.M22) / 2));

        // A drone with a plausible Remote ID is predicted over a shorter horizon: its advisory is worth less than
        // the false alarms a long extrapolation of a lawful flight past a zone would cost.
        var cooperative = track.UasId is not null && track.Identity is not { Flags.Count: > 0 };
        var horizon = cooperative ? Math.Min(_options.CooperativeWarningHorizonSeconds, _options.WarningHorizonSeconds) : _options.WarningHorizonSeconds;
        var (relation, secondsToEntry, outsideBand) = Relate(zone, memory.Relation, position, here, velocity, speed, distance, sigma, horizon);
        memory.Relation = relation;
        // Loitering, once found, holds while the track stays inside (a hovering drone drifting faster for a
        // moment has not stopped loitering); slow flight must last the loiter time to count.
        if (relation != ZoneRelation.Inside)
        {
            (memory.SlowInsideSince, memory.Loitered) = (null, false);
        }
        else if (speed < _options.LoiterSpeedMetersPerSecond)
        {
            memory.SlowInsideSince ??= now;
            memory.Loitered |= now.SecondsSince(memory.SlowInsideSince.Value) >= _options.LoiterSeconds;
        }
        else
        {
            memory.SlowInsideSince = null;
        }

        var (level, reasons) = Classify(track, relation, outsideBand, memory, allowListed);
        return new TrackZoneAssessment(level, reasons, relation, distance, secondsToEntry, position, speed, course);
    }

    private (ZoneRelation Relation, double? SecondsToEntry, bool OutsideBand) Relate(
        ZoneContext zone, ZoneRelation previous, GeoPosition position, EnuVector here, EnuVector velocity, double speed, double distance, double sigma, double horizon)
    {
        var hysteresis = _options.HysteresisMeters;
        var geometry = zone.Zone.Geometry;
        var insideHorizontally = distance <= Math.Max(previous == ZoneRelation.Inside ? hysteresis : 0, Math.Min(_options.InsideSigmas * sigma, hysteresis));
        if (insideHorizontally)
        {
            if (!zone.TryContainsHeight(position, out var withinBand) || withinBand)
            {
                return (ZoneRelation.Inside, 0, false);
            }

            return (ZoneRelation.Approaching, null, true);
        }

        if (speed >= _options.MinPredictionSpeedMetersPerSecond)
        {
            var extra = previous >= ZoneRelation.Approaching ? hysteresis : 0;
            var entry = PredictEntry(geometry, here, velocity, speed, distance, sigma, extra, horizon);
            if (entry is { } t)
            {
                var exact = geometry.TimeToEntrySeconds(position, velocity, horizon);
                return (ZoneRelation.Approaching, exact ?? t, false);
            }
        }

        var buffer = zone.Zone.BufferMeters;
        if (buffer > 0 && distance <= buffer + (previous >= ZoneRelation.InBuffer ? hysteresis : 0))
        {
            return (ZoneRelation.InBuffer, null, false);
        }

        return (ZoneRelation.None, null, false);
    }

    /// <summary>The first sampled time at which the extrapolated track comes within its uncertainty margin of the outline.</summary>
    private double? PredictEntry(ZoneGeometry geometry, EnuVector here, EnuVector velocity, double speed, double distance, double sigma, double extra, double horizon)
    {
        var baseMargin = (_options.PositionSigmas * sigma) + extra;
        var maxMargin = _options.MaxPredictionMarginMeters + extra;
        if (distance - (speed * horizon) - maxMargin > 0)
        {
            return null; // cannot reach the zone within the horizon even at the widest margin
        }

        var step = _options.PredictionStepSeconds;
        for (var t = step; t <= horizon + 1e-9; t += step)
        {
            var margin = Math.Min(baseMargin + (_options.VelocitySigmaMetersPerSecond * t), maxMargin);
            var d = geometry.DistanceMeters(here.EastMeters + (velocity.EastMeters * t), here.NorthMeters + (velocity.NorthMeters * t));
            if (d <= margin)
            {
                return t;
            }
        }

        return null;
    }

    private (AlertLevel Level, AlertReason[] Reasons) Classify(
        in TrackSnapshot track, ZoneRelation relation, bool outsideBand, TrackZoneMemory memory, bool allowListed)
    {
        // A manned aircraft (ADS-B, or a sensor that says so) is shown and never alerted on; an unknown track
        // close to it still is (it is a separate track).
        if (relation == ZoneRelation.None || allowListed || track.Status == TrackStatus.Tentative || track.UpdateCount < _options.MinTrackUpdates
            || track.Classification is { Class: ObjectClass.MannedAircraft })
        {
            return (AlertLevel.None, []);
        }

        var reasons = new List<AlertReason>(4);
        var level = relation switch
        {
            ZoneRelation.Inside => AlertLevel.Alarm,
            ZoneRelation.Approaching => AlertLevel.Warning,
            _ => AlertLevel.Advisory,
        };
        reasons.Add(relation switch
        {
            ZoneRelation.Inside => AlertReason.InsideZone,
            ZoneRelation.Approaching when outsideBand => AlertReason.OverflyingOutsideBand,
            ZoneRelation.Approaching => AlertReason.PredictedEntry,
            _ => AlertReason.UnknownInBuffer,
        });
        if (memory.Loitered)
        {
            reasons.Add(AlertReason.Loitering);
        }

        if (track.UasId is null)
        {
            reasons.Add(AlertReason.NoRemoteId);
        }
        else if (track.Identity is { Flags.Count: > 0 })
        {
            reasons.Add(AlertReason.RemoteIdDoubtful);
        }
        else
        {
            // Cooperative: one level lower. A cooperative drone in the watch buffer (UNKNOWN_IN_BUFFER) raises nothing.
            level = level - 1;
            if (level == AlertLevel.None)
            {
                return (AlertLevel.None, []);
            }

            reasons.Add(AlertReason.Cooperative);
        }

        return (level, reasons.ToArray());
    }
}
