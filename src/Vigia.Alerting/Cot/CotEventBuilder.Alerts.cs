using System.Globalization;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Cot;

/// <summary>Alerts as ATAK geofence-breach events.</summary>
public sealed partial class CotEventBuilder
{
    /// <summary>The uid of an alert's events (every version and the cancel share it).</summary>
    public string AlertUid(string alertId)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return $"{_options.UidPrefix}-alert-{CapTokens.Escape(alertId)}";
    }

    /// <summary>
    /// A standing zone-threat alert as a <c>b-a-g</c> "Geo-fence Breached" event at the worst track's position
    /// (or the zone's centre), stale at the alert's expiry; the cleared version as a <c>b-a-o-can</c> cancel
    /// with the same uid. Returns false with a reason for a coverage-lost alert: it is per sensor and covers
    /// several zones, so it goes out as one outline per zone (<see cref="TryCoverageLost"/>).
    /// </summary>
    public bool TryAlert(Alert alert, out XElement? cotEvent, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(alert);
        cotEvent = null;
        if (alert.Kind != AlertKind.ZoneThreat)
        {
            reason = "a coverage-lost alert is drawn per covered zone (TryCoverageLost), not as one geofence breach";
            return false;
        }

        if (!TryPlace(alert, out var position))
        {
            reason = "the alert has neither a track position nor a zone outline";
            return false;
        }

        var cleared = !alert.IsActive;
        var language = _options.Language;
        var callsign = Mark(alert.Exercise, cleared
            ? $"{(language == AlertLanguage.Spanish ? "FIN" : "CLEAR")} {alert.ZoneName}"
            : $"{AlertText.Level(alert.Level, language)} {alert.ZoneName}");
        var headline = CapWording.Headline(alert, language, cleared);
        var description = CapWording.Description(alert, language, cleared);
        var emergency = cleared
            ? new XElement("emergency", new XAttribute("cancel", "true"), callsign)
            : new XElement("emergency", new XAttribute("type", CotTypes.GeofenceBreachEmergency), callsign);
        var detail = new XElement(
            "detail",
            new XElement("contact", new XAttribute("callsign", callsign)),
            emergency,
            alert.TrackIds.Select(id => new XElement("link", new XAttribute("uid", TrackUid(id)), new XAttribute("type", "a-u-A"), new XAttribute("relation", "p-p"))),
            new XElement("remarks", description.Length > 0 ? $"{headline}. {description}" : headline),
            new XElement(
                VigiaDetail,
                new XAttribute("alert_id", alert.Id),
                new XAttribute("version", alert.Version),
                new XAttribute("level", AlertReasonCodes.Of(alert.Level)),
                new XAttribute("reasons", string.Join(' ', alert.Reasons.Select(AlertReasonCodes.Of))),
                new XAttribute("track_ids", string.Join(' ', alert.TrackIds.Select(t => t.ToString(CultureInfo.InvariantCulture)))),
                alert.ZoneId is null ? null : new XAttribute("zone_id", alert.ZoneId),
                ExerciseAttribute(alert.Exercise)));
        var stale = alert.ExpiresAt > alert.UpdatedAt ? alert.ExpiresAt : alert.UpdatedAt.AddSeconds(_options.MinimumAlertStale.TotalSeconds);
        cotEvent = Event(
            AlertUid(alert.Id),
            cleared ? CotTypes.EmergencyCancel : CotTypes.GeofenceBreach,
            HowFused,
            alert.UpdatedAt,
            stale,
            Point(position, null, null),
            detail,
            alert.Exercise);
        reason = null;
        return true;
    }

    /// <summary>Where to put the alert: the worst track, else the zone's centre (circle) or vertex mean (polygon), height unknown.</summary>
    private static bool TryPlace(Alert alert, out GeoPosition position)
    {
        switch (alert.Position, alert.Area)
        {
            case ({ } worst, _):
                position = worst;
                return true;
            case (null, CircleShape circle):
                position = new GeoPosition(circle.Centre.LatitudeDegrees, circle.Centre.LongitudeDegrees, double.NaN);
                return true;
            case (null, PolygonShape { Ring.Count: > 0 } polygon):
                // A closed ring repeats its first vertex: Centre counts it once.
                position = Unplaced(Centre(polygon));
                return true;
            default:
                position = default;
                return false;
        }
    }
}
