using Vigia.Alerting.Alerts;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Rules;

/// <summary>One track against one zone at one instant: the level the rules give, why, and the figures.</summary>
/// <param name="Level">The level this instant (before the de-escalation dwell).</param>
/// <param name="Reasons">Why (empty when <see cref="AlertLevel.None"/>).</param>
/// <param name="Relation">The geometric relation.</param>
/// <param name="DistanceMeters">Horizontal distance to the outline, metres (0 inside).</param>
/// <param name="SecondsToEntry">Predicted seconds to entry (0 inside), or null.</param>
/// <param name="Position">The track's position, WGS-84.</param>
/// <param name="SpeedMetersPerSecond">Horizontal speed.</param>
/// <param name="CourseDegrees">Course over ground, degrees from true north (in the picture frame).</param>
public readonly record struct TrackZoneAssessment(
    AlertLevel Level,
    AlertReason[] Reasons,
    ZoneRelation Relation,
    double DistanceMeters,
    double? SecondsToEntry,
    GeoPosition Position,
    double SpeedMetersPerSecond,
    double CourseDegrees);
