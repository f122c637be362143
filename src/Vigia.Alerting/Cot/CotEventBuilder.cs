using System.Globalization;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;

namespace Vigia.Alerting.Cot;

/// <summary>
/// Builds Cursor-on-Target 2.0 <c>event</c>s for TAK clients (ATAK, WinTAK, iTAK) and TAK Server: a drone
/// track (<c>a-u-A-M-H-Q</c> or <c>a-u-A-M-F-Q</c>), its operator (<c>a-u-G</c>, linked to the drone), and
/// alerts as ATAK geofence-breach events (<c>b-a-g</c>, cancelled with <c>b-a-o-can</c>). uids are stable per
/// track and per alert, so each event replaces the previous one on a TAK map.
/// </summary>
/// <remarks>
/// Affiliation is unknown (<c>u</c>) by default and neutral (<c>n</c>) only for allow-listed drones; friend
/// and hostile are never set. Exercise events carry <c>opex="e-vigia"</c>, <c>&lt;__vigia exercise="true"/&gt;</c>
/// and "EXERCISE" in the callsign and remarks. Thread-safety: immutable, safe to share.
/// </remarks>
public sealed partial class CotEventBuilder
{
    /// <summary>The CoT <c>how</c> of tracker output: machine, fused (CoTtypes.xml "h.fused").</summary>
    public const string HowFused = "m-f";

    /// <summary>The CoT <c>how</c> of a position relayed from another system (the operator's, via Remote ID): "h.passed".</summary>
    public const string HowPassed = "m-p";

    /// <summary>The CoT <c>opex</c> of exercise events (CoTtypes.xml "o.exercise": <c>e-</c>).</summary>
    public const string ExerciseOpex = "e-vigia";

    /// <summary>The word every exercise callsign and remark starts with.</summary>
    public const string ExerciseMark = "EXERCISE";

    /// <summary>Vigía's own detail element (the <c>__</c> prefix keeps clear of TAK's detail names).</summary>
    public const string VigiaDetail = "__vigia";

    private readonly CotOptions _options;

    /// <summary>Builds events with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are not usable (the message names the field).</exception>
    public CotEventBuilder(CotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("CoT options: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
    }

    /// <summary>The uid of a track's event.</summary>
    public string TrackUid(long trackId) => $"{_options.UidPrefix}-track-{trackId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The uid of a track's operator event.</summary>
    public string OperatorUid(long trackId) => TrackUid(trackId) + "-operator";

    /// <summary>The drone event for one track; stale after <see cref="CotOptions.TrackStale"/>.</summary>
    public XElement Track(CotTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        var affiliation = track.AllowListed ? CotAffiliation.Neutral : CotAffiliation.Unknown;
        var callsign = Mark(track.Exercise, track.UasId ?? $"Track {track.TrackId.ToString(CultureInfo.InvariantCulture)}");
        var detail = new XElement(
            "detail",
            new XElement("contact", new XAttribute("callsign", callsign)),
            Motion(track),
            new XElement("remarks", Mark(track.Exercise, TrackRemarks(track), " — ")),
            new XElement(
                VigiaDetail,
                new XAttribute("track_id", track.TrackId),
                track.UasId is null ? null : new XAttribute("uas_id", track.UasId),
                track.AllowListed ? new XAttribute("allow_listed", "true") : null,
                ExerciseAttribute(track.Exercise)));
        return Event(
            TrackUid(track.TrackId),
            CotTypes.Drone(affiliation, track.AircraftType),
            HowFused,
            track.Time,
            track.Time.AddSeconds(_options.TrackStale.TotalSeconds),
            Point(track.Position, track.HorizontalErrorMeters, track.VerticalErrorMeters),
            detail,
            track.Exercise);
    }

    /// <summary>
    /// The operator (pilot) event for a track whose Remote ID reports the operator's position, linked to the
    /// drone; null when there is no operator position. Same affiliation and staleness as the drone.
    /// </summary>
    public XElement? Operator(CotTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.OperatorPosition is not { } position)
        {
            return null;
        }

        var affiliation = track.AllowListed ? CotAffiliation.Neutral : CotAffiliation.Unknown;
        var drone = track.UasId ?? $"Track {track.TrackId.ToString(CultureInfo.InvariantCulture)}";
        var es = _options.Language == AlertLanguage.Spanish;
        var detail = new XElement(
            "detail",
            new XElement("contact", new XAttribute("callsign", Mark(track.Exercise, (es ? "Piloto " : "Pilot ") + drone))),
            // "p-p": the drone's Remote ID broadcast produced this position (CoT relation "producer").
            new XElement(
                "link",
                new XAttribute("uid", TrackUid(track.TrackId)),
                new XAttribute("type", CotTypes.Drone(affiliation, track.AircraftType)),
                new XAttribute("relation", "p-p")),
            new XElement("remarks", Mark(track.Exercise, es ? $"Posición del piloto según el Remote ID de {drone}." : $"Pilot position as broadcast by {drone}'s Remote ID.", " — ")),
            new XElement(VigiaDetail, new XAttribute("track_id", track.TrackId), ExerciseAttribute(track.Exercise)));
        return Event(
            OperatorUid(track.TrackId),
            CotTypes.OperatorOf(affiliation),
            HowPassed,
            track.Time,
            track.Time.AddSeconds(_options.TrackStale.TotalSeconds),
            Point(position, null, null),
            detail,
            track.Exercise);
    }

    private static XElement? Motion(CotTrack track)
    {
        if (track.CourseDegrees is not { } course || track.SpeedMetersPerSecond is not { } speed || !double.IsFinite(course) || !double.IsFinite(speed))
        {
            return null;
        }

        // CoT track: course in degrees true [0, 360), speed in metres per second.
        var normalised = ((course % 360.0) + 360.0) % 360.0;
        return new XElement("track", new XAttribute("course", CotFormat.Number(normalised, "0.0#")), new XAttribute("speed", CotFormat.Number(Math.Max(0, speed), "0.0#")));
    }

    private string TrackRemarks(CotTrack track)
    {
        var es = _options.Language == AlertLanguage.Spanish;
        var parts = new List<string> { (es ? "Vigía traza " : "Vigía track ") + track.TrackId.ToString(CultureInfo.InvariantCulture) };
        parts.Add(track.UasId is { } uas ? $"Remote ID {uas}" : (es ? "sin Remote ID" : "no Remote ID"));
        if (track.AircraftType is { } type)
        {
            parts.Add((es ? "tipo " : "type ") + type);
        }

        if (track.AllowListed)
        {
            parts.Add(es ? "en lista permitida" : "allow-listed");
        }

        if (track.Remarks is { Length: > 0 } remarks)
        {
            parts.Add(remarks);
        }

        return string.Join("; ", parts);
    }

    private static XElement Event(string uid, string type, string how, Timestamp time, Timestamp stale, XElement point, XElement detail, bool exercise) => new(
        "event",
        new XAttribute("version", "2.0"),
        new XAttribute("uid", uid),
        new XAttribute("type", type),
        new XAttribute("how", how),
        new XAttribute("time", CotFormat.Time(time)),
        new XAttribute("start", CotFormat.Time(time)),
        new XAttribute("stale", CotFormat.Time(stale)),
        exercise ? new XAttribute("opex", ExerciseOpex) : null,
        point,
        detail);

    /// <summary>CoT point: WGS-84 degrees, hae = height above the ellipsoid (m), ce/le = 1-sigma errors (m), 9999999 when unknown.</summary>
    private static XElement Point(GeoPosition position, double? ce, double? le)
    {
        var knownHeight = double.IsFinite(position.HeightAboveEllipsoidMeters);
        return new XElement(
            "point",
            new XAttribute("lat", CotFormat.Degrees(position.LatitudeDegrees)),
            new XAttribute("lon", CotFormat.Degrees(position.LongitudeDegrees)),
            new XAttribute("hae", CotFormat.Meters(knownHeight ? position.HeightAboveEllipsoidMeters : null)),
            new XAttribute("ce", CotFormat.Meters(ce)),
            new XAttribute("le", CotFormat.Meters(knownHeight ? le : null)));
    }

    private static string Mark(bool exercise, string text, string separator = " ") => exercise ? ExerciseMark + separator + text : text;

    private static XAttribute? ExerciseAttribute(bool exercise) => exercise ? new XAttribute("exercise", "true") : null;
}
