using System.Globalization;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Zones;

namespace Vigia.Alerting.Cap;

/// <summary>The <c>info</c> and <c>area</c> blocks.</summary>
public sealed partial class CapMessageBuilder
{
    private const double FeetPerMeter = 1.0 / 0.3048;

    private XElement Info(Alert alert, AlertLanguage language, DateTimeOffset sent, bool cleared)
    {
        var codes = cleared ? CapLevelMapping.Cleared : CapLevelMapping.For(alert.Level);
        var description = CapWording.Description(alert, language, cleared);
        return new XElement(
            Cap + "info",
            new XElement(Cap + "language", AlertText.LanguageTag(language)),
            new XElement(Cap + "category", "Security"),
            new XElement(Cap + "event", CapWording.Event(alert, language)),
            new XElement(Cap + "responseType", codes.ResponseType),
            new XElement(Cap + "urgency", codes.Urgency),
            new XElement(Cap + "severity", codes.Severity),
            new XElement(Cap + "certainty", codes.Certainty),
            new XElement(Cap + "expires", CapDateTime.Format(Expires(alert, sent), _options.TimeZone)),
            new XElement(Cap + "senderName", _options.SenderName),
            new XElement(Cap + "headline", CapWording.Headline(alert, language, cleared)),
            description.Length > 0 ? new XElement(Cap + "description", description) : null,
            new XElement(Cap + "instruction", CapWording.Instruction(alert, language, cleared)),
            Parameters(alert),
            Area(alert));
    }

    /// <summary>
    /// The alert's expiry rounded up to the second. A version whose expiry is not after its own time (CAP
    /// needs <c>expires</c> after <c>sent</c>) expires <see cref="CapOptions.MinimumLifetime"/> after <c>sent</c>.
    /// </summary>
    private DateTimeOffset Expires(Alert alert, DateTimeOffset sent)
    {
        if (alert.ExpiresAt <= alert.UpdatedAt)
        {
            return sent + _options.MinimumLifetime;
        }

        var expires = alert.ExpiresAt.ToDateTimeOffset();
        var whole = CapDateTime.Truncate(expires);
        return whole < expires ? whole.AddSeconds(1) : whole;
    }

    private static IEnumerable<XElement> Parameters(Alert alert)
    {
        var values = new List<(string Name, string? Value)>
        {
            ("vigia:alert_id", alert.Id),
            ("vigia:version", alert.Version.ToString(CultureInfo.InvariantCulture)),
            ("vigia:kind", alert.Kind == AlertKind.CoverageLost ? "coverage_lost" : "zone_threat"),
            ("vigia:level", AlertReasonCodes.Of(alert.Level)),
            ("vigia:peak_level", AlertReasonCodes.Of(alert.PeakLevel)),
            ("vigia:reasons", Join(alert.Reasons.Select(AlertReasonCodes.Of))),
            ("vigia:track_ids", Join(alert.TrackIds.Select(t => t.ToString(CultureInfo.InvariantCulture)))),
            ("vigia:uas_id", alert.UasId),
            ("vigia:zone_id", alert.ZoneId),
            ("vigia:sensor_id", alert.SensorId),
            ("vigia:covered_zone_ids", Join(alert.CoveredZoneIds)),
        };
        foreach (var (name, value) in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return new XElement(Cap + "parameter", new XElement(Cap + "valueName", name), new XElement(Cap + "value", value));
            }
        }

        static string Join(IEnumerable<string> items) => string.Join(' ', items);
    }

    /// <summary>
    /// The warned area: the zone's outline. Coverage-lost alerts carry no outline (the zones the sensor
    /// covered are named in a parameter only), so their <c>info</c> has no <c>area</c>, which CAP allows.
    /// </summary>
    private static XElement? Area(Alert alert)
    {
        if (alert.Area is null)
        {
            return null;
        }

        var area = new XElement(Cap + "area", new XElement(Cap + "areaDesc", alert.ZoneName ?? alert.ZoneId ?? alert.Id));
        switch (alert.Area)
        {
            case PolygonShape polygon:
                area.Add(new XElement(Cap + "polygon", Polygon(polygon)));
                break;
            case CircleShape circle:
                // CAP circle: "lat,lon radius" with the radius in kilometres.
                area.Add(new XElement(Cap + "circle", $"{Point(circle.Centre)} {Number(circle.RadiusMeters / 1000.0)}"));
                break;
            default:
                throw new ArgumentException($"unknown zone shape {alert.Area.GetType().Name}", nameof(alert));
        }

        // CAP altitude and ceiling are feet above mean sea level (§3.2.4). Only a band measured from mean sea
        // level can be written without a geoid or terrain model; ellipsoidal and above-ground bands are left out.
        if (alert.Band is { Reference: ZoneHeightReference.MeanSeaLevel } band)
        {
            area.Add(new XElement(Cap + "altitude", Number(band.FloorMeters * FeetPerMeter, "0.##")));
            area.Add(new XElement(Cap + "ceiling", Number(band.CeilingMeters * FeetPerMeter, "0.##")));
        }

        return area;
    }

    /// <summary>A closed ring of "lat,lon" pairs (first = last), at most 6 decimals (about 0.1 m).</summary>
    private static string Polygon(PolygonShape polygon)
    {
        var points = polygon.Ring.Select(Point).ToList();
        if (points.Count > 0 && points[0] != points[^1])
        {
            points.Add(points[0]);
        }

        return string.Join(' ', points);
    }

    private static string Point(GeoPoint p) => $"{Number(p.LatitudeDegrees)},{Number(p.LongitudeDegrees)}";

    private static string Number(double value, string format = "0.######") => value.ToString(format, CultureInfo.InvariantCulture);
}
