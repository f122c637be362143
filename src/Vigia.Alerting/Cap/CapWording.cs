using Vigia.Alerting.Alerts;

namespace Vigia.Alerting.Cap;

/// <summary>
/// The words CAP needs beyond <see cref="AlertText"/>: the <c>event</c> name, the exercise <c>note</c>,
/// and the headline, description and instruction of the cleared version (AlertText words a standing alert).
/// </summary>
internal static class CapWording
{
    public const string ExerciseNote =
        "EJERCICIO: mensaje generado por una demostración o repetición de Vigía; no es una alerta real. " +
        "EXERCISE: made by a Vigía demo or replay; not a real alert.";

    public static string Event(Alert alert, AlertLanguage language) => (alert.Kind, language) switch
    {
        (AlertKind.CoverageLost, AlertLanguage.Spanish) => "Pérdida de cobertura de sensor",
        (AlertKind.CoverageLost, _) => "Sensor coverage lost",
        (_, AlertLanguage.Spanish) => "Dron no autorizado cerca de lugar protegido",
        _ => "Unauthorised drone near a protected place",
    };

    public static string Headline(Alert alert, AlertLanguage language, bool cleared) =>
        cleared ? ClearedHeadline(alert, language) : AlertText.Headline(alert, language);

    public static string Description(Alert alert, AlertLanguage language, bool cleared) =>
        cleared ? ClearedDescription(alert, language) : AlertText.Description(alert, language);

    public static string Instruction(Alert alert, AlertLanguage language, bool cleared)
    {
        if (!cleared)
        {
            return AlertText.Instruction(alert, language);
        }

        return language == AlertLanguage.Spanish
            ? "Puede retomar sus actividades. Manténgase atento a nuevas alertas."
            : "You may resume normal activities. Watch for further alerts.";
    }

    private static string ClearedHeadline(Alert alert, AlertLanguage language)
    {
        var es = language == AlertLanguage.Spanish;
        var exercise = alert.Exercise ? (es ? "EJERCICIO — " : "EXERCISE — ") : string.Empty;
        var what = alert.Kind == AlertKind.CoverageLost
            ? (es ? $"cobertura restablecida (sensor {alert.SensorId})" : $"coverage restored (sensor {alert.SensorId})")
            : alert.ZoneName;
        return exercise + (es ? "FIN DE ALERTA: " : "ALL CLEAR: ") + what;
    }

    private static string ClearedDescription(Alert alert, AlertLanguage language)
    {
        var es = language == AlertLanguage.Spanish;
        var peak = AlertText.Level(alert.PeakLevel, language);
        var exercise = alert.Exercise ? (es ? "Esto es un ejercicio, no una alerta real. " : "This is an exercise, not a real alert. ") : string.Empty;
        return alert.Kind == AlertKind.CoverageLost
            ? exercise + (es
                ? $"El sensor {alert.SensorId} vuelve a reportar; la alerta terminó (nivel máximo: {peak})."
                : $"Sensor {alert.SensorId} is reporting again; the alert is over (highest level: {peak}).")
            : exercise + (es
                ? $"Ya no se detectan drones que amenacen {alert.ZoneName}; la alerta terminó (nivel máximo: {peak})."
                : $"No drone threatens {alert.ZoneName} any longer; the alert is over (highest level: {peak}).");
    }
}
