using System.Globalization;
using System.Text;
using Vigia.Alerting.Zones;

namespace Vigia.Alerting.Alerts;

/// <summary>
/// Words for an alert in Spanish and English: a headline, a description that states why (from the reason
/// codes) and an instruction. Used by the console, CAP <c>info</c> blocks, webhooks and CoT remarks, so
/// every output says the same thing.
/// </summary>
public static class AlertText
{
    /// <summary>The BCP 47 tag CAP and HTTP use for a language.</summary>
    public static string LanguageTag(AlertLanguage language) => language == AlertLanguage.Spanish ? "es-MX" : "en-US";

    /// <summary>The level's name.</summary>
    public static string Level(AlertLevel level, AlertLanguage language) => (level, language) switch
    {
        (AlertLevel.Alarm, AlertLanguage.Spanish) => "ALARMA",
        (AlertLevel.Alarm, _) => "ALARM",
        (AlertLevel.Warning, AlertLanguage.Spanish) => "AVISO",
        (AlertLevel.Warning, _) => "WARNING",
        (AlertLevel.Advisory, AlertLanguage.Spanish) => "PRECAUCIÓN",
        (AlertLevel.Advisory, _) => "ADVISORY",
        (_, AlertLanguage.Spanish) => "SIN ALERTA",
        _ => "NO ALERT",
    };

    /// <summary>One line: level, what, where.</summary>
    public static string Headline(Alert alert, AlertLanguage language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var es = language == AlertLanguage.Spanish;
        var exercise = alert.Exercise ? (es ? "EJERCICIO — " : "EXERCISE — ") : string.Empty;
        var level = Level(alert.Level, language);
        if (alert.Kind == AlertKind.CoverageLost)
        {
            return exercise + level + (es ? $": cobertura perdida (sensor {alert.SensorId})" : $": coverage lost (sensor {alert.SensorId})");
        }

        var count = alert.TrackIds.Count;
        var what = (es, count) switch
        {
            (true, > 1) => $"{count} drones",
            (true, _) => "dron",
            (false, > 1) => $"{count} drones",
            _ => "drone",
        };
        var where = alert.Level switch
        {
            AlertLevel.Alarm => es ? "sobre" : "over",
            AlertLevel.Warning => es ? "acercándose a" : "approaching",
            _ => es ? "cerca de" : "near",
        };
        return $"{exercise}{level}: {what} {where} {alert.ZoneName}";
    }

    /// <summary>Why, in sentences, one per reason, with the worst track's figures.</summary>
    public static string Description(Alert alert, AlertLanguage language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var es = language == AlertLanguage.Spanish;
        var text = new StringBuilder();
        if (alert.Exercise)
        {
            text.Append(es ? "Esto es un ejercicio, no una alerta real. " : "This is an exercise, not a real alert. ");
        }

        foreach (var reason in alert.Reasons)
        {
            text.Append(Sentence(reason, alert, es)).Append(' ');
        }

        if (alert.SpeedMetersPerSecond is { } speed && alert.Kind == AlertKind.ZoneThreat)
        {
            text.Append(es ? "Velocidad " : "Speed ").Append(speed.ToString("0", CultureInfo.InvariantCulture)).Append(" m/s");
            if (alert.CourseDegrees is { } course)
            {
                text.Append(es ? ", rumbo " : ", course ").Append(course.ToString("000", CultureInfo.InvariantCulture)).Append('°');
            }

            text.Append(". ");
        }

        if (alert.UasId is { } uas)
        {
            text.Append(es ? $"Identificación Remote ID: {uas}. " : $"Remote ID: {uas}. ");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>What people under the alert should do.</summary>
    public static string Instruction(Alert alert, AlertLanguage language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var es = language == AlertLanguage.Spanish;
        return (alert.Kind, alert.Level) switch
        {
            (AlertKind.CoverageLost, _) => es
                ? "La zona no está vigilada por este sensor: extreme la vigilancia visual y auditiva."
                : "This sensor no longer watches the zone: keep a visual and acoustic lookout.",
            (_, AlertLevel.Alarm) => es
                ? "Busque refugio bajo techo sólido de inmediato y aléjese de ventanas. Avise a sus vecinos."
                : "Take cover under a solid roof now and keep away from windows. Warn your neighbours.",
            (_, AlertLevel.Warning) => es
                ? "Prepárese para buscar refugio bajo techo sólido. Esté atento a nuevas alertas."
                : "Be ready to take cover under a solid roof. Watch for further alerts.",
            _ => es
                ? "Manténgase atento. No se requiere acción por ahora."
                : "Stay alert. No action is needed yet.",
        };
    }

    /// <summary>The zone kind's name.</summary>
    public static string Kind(ZoneKind kind, AlertLanguage language) => (kind, language == AlertLanguage.Spanish) switch
    {
        (ZoneKind.Village, true) => "localidad",
        (ZoneKind.School, true) => "escuela",
        (ZoneKind.Clinic, true) => "clínica",
        (ZoneKind.Plant, true) => "planta",
        (ZoneKind.Prison, true) => "penal",
        (ZoneKind.Stadium, true) => "estadio",
        (_, true) => "lugar protegido",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Sentence(AlertReason reason, Alert alert, bool es)
    {
        var zone = alert.ZoneName;
        var distance = alert.DistanceMeters is { } d ? d.ToString("0", CultureInfo.InvariantCulture) : "?";
        var seconds = alert.SecondsToEntry is { } s ? s.ToString("0", CultureInfo.InvariantCulture) : "?";
        return reason switch
        {
            AlertReason.UnknownInBuffer => es
                ? $"Un dron sin Remote ID está a {distance} m de {zone}, dentro de su zona de vigilancia."
                : $"A drone without Remote ID is {distance} m from {zone}, inside its watch buffer.",
            AlertReason.PredictedEntry => es
                ? $"Se prevé que entre en {zone} en unos {seconds} s según su rumbo y velocidad."
                : $"It is predicted to enter {zone} in about {seconds} s from its course and speed.",
            AlertReason.InsideZone => es ? $"Está dentro de {zone}." : $"It is inside {zone}.",
            AlertReason.OverflyingOutsideBand => es
                ? $"Sobrevuela {zone} fuera de su franja de altura protegida."
                : $"It is over {zone} but outside its protected altitude band.",
            AlertReason.Loitering => es ? $"Se mantiene sobrevolando {zone}." : $"It is hovering or loitering over {zone}.",
            AlertReason.NoRemoteId => es
                ? "No transmite Remote ID (no cooperativo)."
                : "It broadcasts no Remote ID (non-cooperative).",
            AlertReason.RemoteIdDoubtful => es
                ? "Su Remote ID no es plausible (posible suplantación)."
                : "Its Remote ID is implausible (possible spoofing).",
            AlertReason.Cooperative => es
                ? "Transmite un Remote ID plausible (cooperativo): nivel reducido."
                : "It broadcasts a plausible Remote ID (cooperative): level lowered.",
            AlertReason.MultipleTracks => es
                ? $"Hay {alert.TrackIds.Count} drones sobre el mismo lugar."
                : $"There are {alert.TrackIds.Count} drones over the same place.",
            AlertReason.CoverageLost => es
                ? $"El sensor {alert.SensorId} dejó de reportar; cubría: {string.Join(", ", alert.CoveredZoneIds)}."
                : $"Sensor {alert.SensorId} stopped reporting; it covered: {string.Join(", ", alert.CoveredZoneIds)}.",
            _ => AlertReasonCodes.Of(reason),
        };
    }
}
