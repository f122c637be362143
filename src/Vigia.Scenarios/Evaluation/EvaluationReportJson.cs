using System.Text.Json;

namespace Vigia.Scenarios.Evaluation;

/// <summary>
/// The JSON form of an <see cref="EvaluationReport"/> (what <c>vigia eval</c> writes), with exactly the keys
/// <c>mean_gospa</c>, <c>mean_gospa_p1</c>, <c>localisation_rms_m</c>, <c>mean_missed</c>, <c>mean_false</c>,
/// <c>track_switches</c>, <c>mean_time_to_first_track_s</c>, <c>mean_confirmed</c>, <c>max_confirmed</c>,
/// <c>tracks_never_assigned</c>, <c>loop_s</c> and <c>per_step</c> (<c>[{t, gospa, missed, false}]</c>).
/// Figures that are undefined (no assigned pair, no timing) are <c>null</c>.
/// </summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/> rather than reflection serialisation, so the library stays
/// trimming- and AOT-safe. Thread-safety: stateless.
/// </remarks>
public static class EvaluationReportJson
{
    /// <summary>Writes the report as one JSON object.</summary>
    /// <param name="writer">Destination writer.</param>
    /// <param name="report">The report.</param>
    public static void Write(Utf8JsonWriter writer, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteNumber("mean_gospa", report.MeanGospa);
        writer.WriteNumber("mean_gospa_p1", report.MeanGospaP1);
        WriteNullable(writer, "localisation_rms_m", report.LocalisationRmsMeters);
        writer.WriteNumber("mean_missed", report.MeanMissed);
        writer.WriteNumber("mean_false", report.MeanFalse);
        writer.WriteNumber("track_switches", report.TrackSwitches);
        WriteNullable(writer, "mean_time_to_first_track_s", report.MeanTimeToFirstTrackSeconds);
        writer.WriteNumber("mean_confirmed", report.MeanConfirmed);
        writer.WriteNumber("max_confirmed", report.MaxConfirmed);
        writer.WriteNumber("tracks_never_assigned", report.TracksNeverAssigned);
        WriteNullable(writer, "loop_s", report.LoopSeconds);
        writer.WriteStartArray("per_step");
        foreach (var step in report.PerStep)
        {
            writer.WriteStartObject();
            writer.WriteNumber("t", step.T);
            writer.WriteNumber("gospa", step.Gospa);
            writer.WriteNumber("missed", step.Missed);
            writer.WriteNumber("false", step.False);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the report to a stream as UTF-8 JSON.</summary>
    /// <param name="stream">Destination; left open.</param>
    /// <param name="report">The report.</param>
    /// <param name="indented">True for human-readable indentation.</param>
    public static void Write(Stream stream, EvaluationReport report, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        Write(writer, report);
    }

    /// <summary>The report as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">True for human-readable indentation.</param>
    public static string ToJson(EvaluationReport report, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(buffer, report, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
