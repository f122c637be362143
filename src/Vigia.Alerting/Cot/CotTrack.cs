using Vigia.Core.Geodesy;
using Vigia.Core.Time;

namespace Vigia.Alerting.Cot;

/// <summary>
/// What CoT needs to know about one track, so <see cref="CotEventBuilder"/> depends on neither Tracking nor
/// Remote ID types (the server fills it from a <c>TrackSnapshot</c>).
/// </summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record CotTrack
{
    /// <summary>The tracker's track number (stable for the track's life): the CoT uid is made from it.</summary>
    public required long TrackId { get; init; }

    /// <summary>The instant the estimate is for (CoT <c>time</c> and <c>start</c>).</summary>
    public required Timestamp Time { get; init; }

    /// <summary>Position, WGS-84, height above the ellipsoid in metres (CoT <c>hae</c>); NaN height if unknown.</summary>
    public required GeoPosition Position { get; init; }

    /// <summary>Course over ground, degrees clockwise from true north, or null.</summary>
    public double? CourseDegrees { get; init; }

    /// <summary>Horizontal speed, m/s, or null.</summary>
    public double? SpeedMetersPerSecond { get; init; }

    /// <summary>1-sigma horizontal position error, metres (CoT <c>ce</c>); null if unknown. See <see cref="CotUncertainty"/>.</summary>
    public double? HorizontalErrorMeters { get; init; }

    /// <summary>1-sigma vertical position error, metres (CoT <c>le</c>); null if unknown.</summary>
    public double? VerticalErrorMeters { get; init; }

    /// <summary>The Remote ID UAS ID bound to the track, or null (CoT callsign "Track N" then).</summary>
    public string? UasId { get; init; }

    /// <summary>The Remote ID aircraft type as broadcast (<c>Aeroplane</c>, <c>HelicopterOrMultirotor</c>…), or null.</summary>
    public string? AircraftType { get; init; }

    /// <summary>The drone is on the site's allow-list: shown neutral instead of unknown. Nothing is ever shown friendly or hostile.</summary>
    public bool AllowListed { get; init; }

    /// <summary>The operator's (pilot's) position as broadcast by Remote ID, WGS-84, or null.</summary>
    public GeoPosition? OperatorPosition { get; init; }

    /// <summary>Extra text for the CoT remarks (e.g. the standing alert's headline), or null.</summary>
    public string? Remarks { get; init; }

    /// <summary>Made by an exercise (demo, replay): marked as such in every event.</summary>
    public bool Exercise { get; init; }
}
