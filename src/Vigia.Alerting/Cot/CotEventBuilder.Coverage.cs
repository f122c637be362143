using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Cot;

/// <summary>Coverage-lost alerts as one drawn zone outline per covered zone, and its deletion.</summary>
public sealed partial class CotEventBuilder
{
    /// <summary>The uid of the outline event for one zone of a coverage-lost alert (every version shares it).</summary>
    public string CoverageUid(string alertId, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        ArgumentNullException.ThrowIfNull(zoneId);
        return $"{AlertUid(alertId)}-zone-{CapTokens.Escape(zoneId)}";
    }

    /// <summary>
    /// One covered zone of a standing coverage-lost alert as the zone's outline, drawn as an ATAK shape
    /// (<c>u-d-f</c> closed polygon with one <c>&lt;link point&gt;</c> per vertex, or <c>u-d-c-c</c> circle with
    /// <c>&lt;shape&gt;&lt;ellipse&gt;</c>), remarks saying that coverage was lost and which sensor, stale at the
    /// alert's expiry; for the cleared version, a <c>t-x-d-d</c> delete naming that outline's uid. Returns false
    /// with a reason when <paramref name="alert"/> is not a coverage-lost alert, or when a standing one has no
    /// <paramref name="zone"/> (a deleted zone: there is no outline to draw; its delete needs only the id).
    /// </summary>
    public bool TryCoverageLost(Alert alert, string zoneId, ProtectedZone? zone, out XElement? cotEvent, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(zoneId);
        cotEvent = null;
        if (alert.Kind != AlertKind.CoverageLost)
        {
            reason = "only a coverage-lost alert is drawn as zone outlines";
            return false;
        }

        if (zone is not null && zone.Id != zoneId)
        {
            throw new ArgumentException($"zone '{zone.Id}' is not '{zoneId}'", nameof(zone));
        }

        if (!alert.IsActive)
        {
            cotEvent = CoverageDelete(alert, zoneId, zone);
            reason = null;
            return true;
        }

        if (zone is null)
        {
            reason = $"zone '{zoneId}' is not known: no outline to draw";
            return false;
        }

        cotEvent = CoverageOutline(alert, zone);
        reason = null;
        return true;
    }

    private XElement CoverageOutline(Alert alert, ProtectedZone zone)
    {
        var es = _options.Language == AlertLanguage.Spanish;
        var callsign = Mark(alert.Exercise, (es ? "SIN COBERTURA " : "NO COVERAGE ") + zone.Name);
        var remarks = es
            ? $"{AlertText.Headline(alert, _options.Language)}. El sensor {alert.SensorId} dejó de reportar: {zone.Name} ya no está vigilado por él."
            : $"{AlertText.Headline(alert, _options.Language)}. Sensor {alert.SensorId} stopped reporting: {zone.Name} is no longer watched by it.";
        (string Type, GeoPoint Centre, object Shape) drawn = zone.Shape switch
        {
            CircleShape circle => (CotTypes.DrawnCircle, circle.Centre, Circle(circle)),
            PolygonShape polygon => (CotTypes.DrawnPolygon, Centre(polygon), Vertices(polygon)),
            _ => throw new ArgumentException($"unknown zone shape {zone.Shape.GetType().Name}", nameof(zone)),
        };
        var detail = new XElement(
            "detail",
            new XElement("contact", new XAttribute("callsign", callsign)),
            drawn.Shape,
            // ARGB as a signed 32-bit integer, ATAK's colour convention: opaque amber outline, faint fill.
            new XElement("strokeColor", new XAttribute("value", unchecked((int)0xFFFFA000))),
            new XElement("strokeWeight", new XAttribute("value", "3.0")),
            new XElement("fillColor", new XAttribute("value", unchecked((int)0x33FFA000))),
            new XElement("labels_on", new XAttribute("value", "true")),
            new XElement("remarks", remarks),
            CoverageDetail(alert, zone.Id));
        var stale = alert.ExpiresAt > alert.UpdatedAt ? alert.ExpiresAt : alert.UpdatedAt.AddSeconds(_options.MinimumAlertStale.TotalSeconds);
        return Event(CoverageUid(alert.Id, zone.Id), drawn.Type, HowFused, alert.UpdatedAt, stale, Point(Unplaced(drawn.Centre), null, null), detail, alert.Exercise);
    }

    private XElement CoverageDelete(Alert alert, string zoneId, ProtectedZone? zone)
    {
        var outline = CoverageUid(alert.Id, zoneId);
        var centre = zone?.Shape switch
        {
            CircleShape circle => circle.Centre,
            PolygonShape polygon => Centre(polygon),
            _ => new GeoPoint(0, 0),
        };
        var detail = new XElement(
            "detail",
            // The deleted item, by uid: ATAK removes the outline it drew for this uid.
            new XElement("link", new XAttribute("uid", outline), new XAttribute("relation", "none"), new XAttribute("type", "none")),
            new XElement("__forcedelete"),
            new XElement("remarks", Mark(alert.Exercise, CapWording.Headline(alert, _options.Language, cleared: true), " — ")),
            CoverageDetail(alert, zoneId));
        var stale = alert.UpdatedAt.AddSeconds(_options.MinimumAlertStale.TotalSeconds);
        return Event(outline + "-delete", CotTypes.Delete, HowFused, alert.UpdatedAt, stale, Point(Unplaced(centre), null, null), detail, alert.Exercise);
    }

    private static XElement CoverageDetail(Alert alert, string zoneId) => new(
        VigiaDetail,
        new XAttribute("alert_id", alert.Id),
        new XAttribute("version", alert.Version),
        new XAttribute("level", AlertReasonCodes.Of(alert.Level)),
        new XAttribute("reasons", string.Join(' ', alert.Reasons.Select(AlertReasonCodes.Of))),
        alert.SensorId is null ? null : new XAttribute("sensor_id", alert.SensorId),
        new XAttribute("zone_id", zoneId),
        ExerciseAttribute(alert.Exercise));

    /// <summary>ATAK's circle: major and minor semi-axes in metres, angle in degrees.</summary>
    private static XElement Circle(CircleShape circle)
    {
        var radius = CotFormat.Number(circle.RadiusMeters, "0.0##");
        return new XElement("shape", new XElement("ellipse", new XAttribute("major", radius), new XAttribute("minor", radius), new XAttribute("angle", "360")));
    }

    /// <summary>The ring as <c>&lt;link point="lat,lon"/&gt;</c> vertices, closed (the first vertex repeated last).</summary>
    private static IEnumerable<XElement> Vertices(PolygonShape polygon)
    {
        var ring = OpenRing(polygon).ToList();
        return ring.Append(ring[0]).Select(p => new XElement("link", new XAttribute("point", $"{CotFormat.Degrees(p.LatitudeDegrees)},{CotFormat.Degrees(p.LongitudeDegrees)}")));
    }

    private static GeoPoint Centre(PolygonShape polygon)
    {
        var ring = OpenRing(polygon).ToList();
        return new GeoPoint(ring.Average(p => p.LatitudeDegrees), ring.Average(p => p.LongitudeDegrees));
    }

    /// <summary>The vertices without the closing repeat of the first.</summary>
    private static IEnumerable<GeoPoint> OpenRing(PolygonShape polygon) =>
        polygon.Ring.Count > 1 && polygon.Ring[0] == polygon.Ring[^1] ? polygon.Ring.Take(polygon.Ring.Count - 1) : polygon.Ring;

    private static GeoPosition Unplaced(GeoPoint point) => new(point.LatitudeDegrees, point.LongitudeDegrees, double.NaN);
}
