using System.Text;
using System.Text.Json;
using Vigia.Alerting.Alerts;

namespace Vigia.Cli.Alerts;

/// <summary>
/// The JSON form of an <see cref="AlertReport"/> (what <c>vigia eval --alerts --json</c> writes; keys in
/// docs/alerting-scenarios.md). Undefined figures are <c>null</c>. Written with <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
internal static class AlertReportJson
{
    public static string ToJson(AlertReport report)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(w, report);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter w, AlertReport r)
    {
        w.WriteStartObject();
        w.WriteNumber("duration_s", r.DurationSeconds);
        w.WriteNumber("zones", r.Zones);
        w.WriteStartObject("truths");
        foreach (var (role, count) in r.TruthsByRole)
        {
            w.WriteNumber(role, count);
        }

        w.WriteEndObject();

        w.WriteStartObject("entries");
        Summary(w, "all", r.AllEntries);
        Summary(w, "target", r.TargetEntries);
        w.WriteNumber("appeared_inside", r.AppearedInside);
        w.WriteStartArray("list");
        foreach (var e in r.Entries)
        {
            w.WriteStartObject();
            w.WriteNumber("truth_id", e.TruthId);
            w.WriteString("zone", e.ZoneId);
            w.WriteNumber("t", Math.Round(e.EntrySeconds, 3));
            w.WriteBoolean("warned", e.Warned);
            Nullable(w, "first_warning_t", e.FirstWarningSeconds);
            Nullable(w, "lead_s", e.LeadSeconds is { } lead ? Math.Round(lead, 3) : null);
            Nullable(w, "first_detected_t", e.FirstDetectionSeconds);
            Nullable(w, "detected_outside_buffer_m", e.DetectedOutsideBufferMeters is { } d ? Math.Round(d, 1) : null);
            w.WriteNumber("approach_speed_mps", Math.Round(e.ApproachSpeedMetersPerSecond, 2));
            w.WriteBoolean("target", e.Qualifies);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("latency");
        foreach (var l in r.Latencies)
        {
            w.WriteStartObject();
            w.WriteString("rule", l.Rule);
            w.WriteString("level", LevelName(l.Level));
            Latencies(w, "after_condition", l.AfterCondition, AlertScorer.ConditionLimitSeconds);
            Latencies(w, "at_once", l.AtOnce, AlertScorer.AtOnceLimitSeconds);
            w.WriteNumber("missed", l.Missed);
            w.WriteNumber("never_detected", l.NeverDetected);
            w.WriteStartArray("late");
            foreach (var late in l.Late)
            {
                w.WriteStartObject();
                w.WriteNumber("truth_id", late.TruthId);
                w.WriteString("zone", late.ZoneId);
                w.WriteNumber("condition_t", Math.Round(late.ConditionSeconds, 3));
                w.WriteNumber("from_t", Math.Round(late.FromSeconds, 3));
                w.WriteNumber("alerted_t", Math.Round(late.AlertedSeconds, 3));
                w.WriteNumber("latency_s", Math.Round(late.LatencySeconds, 3));
                w.WriteBoolean("at_once", late.AtOnce);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("alerts");
        w.WriteNumber("raised", r.Alerts);
        Levels(w, "by_peak_level", r.AlertsByPeakLevel);
        w.WriteNumber("updates", r.Updates);
        w.WriteNumber("cleared", r.Cleared);
        w.WriteEndObject();

        w.WriteStartObject("false_alerts");
        w.WriteNumber("count", r.FalseAlerts.Count);
        w.WriteNumber("per_hour", Math.Round(r.FalseAlertsPerHour, 3));
        Levels(w, "by_peak_level", r.FalseAlertsByPeakLevel);
        Outcomes(w, r.FalseAlerts);
        w.WriteEndObject();

        w.WriteStartObject("flaps");
        w.WriteNumber("count", r.Flaps.Count);
        Outcomes(w, r.Flaps);
        w.WriteEndObject();

        w.WriteString("tracker", r.Tracker);
        Nullable(w, "loop_s", r.LoopSeconds);
        if (r.Measurements is { } m)
        {
            w.WriteNumber("measurements", m);
        }
        else
        {
            w.WriteNull("measurements");
        }

        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, string name, EntrySummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", s.Entries);
        w.WriteNumber("warned", s.Warned);
        Nullable(w, "warned_fraction", s.WarnedFraction is { } f ? Math.Round(f, 4) : null);
        Nullable(w, "median_lead_s", s.MedianLeadSeconds is { } m ? Math.Round(m, 3) : null);
        Nullable(w, "min_lead_s", s.MinLeadSeconds is { } n ? Math.Round(n, 3) : null);
        w.WriteEndObject();
    }

    private static void Latencies(Utf8JsonWriter w, string name, IReadOnlyList<double> values, double limit)
    {
        var sorted = values.Order().ToList();
        w.WriteStartObject(name);
        w.WriteNumber("count", sorted.Count);
        Nullable(w, "median_s", AlertScorer.Median(sorted));
        Nullable(w, "max_s", sorted.Count > 0 ? sorted[^1] : null);
        w.WriteNumber("limit_s", limit);
        w.WriteNumber("over_limit", sorted.Count(v => v > limit + 1e-9));
        w.WriteEndObject();
    }

    private static void Levels(Utf8JsonWriter w, string name, IReadOnlyDictionary<AlertLevel, int> counts)
    {
        w.WriteStartObject(name);
        foreach (var level in new[] { AlertLevel.Advisory, AlertLevel.Warning, AlertLevel.Alarm })
        {
            w.WriteNumber(LevelName(level), counts.GetValueOrDefault(level));
        }

        w.WriteEndObject();
    }

    private static void Outcomes(Utf8JsonWriter w, IReadOnlyList<AlertOutcome> outcomes)
    {
        w.WriteStartArray("list");
        foreach (var o in outcomes)
        {
            w.WriteStartObject();
            w.WriteString("id", o.AlertId);
            w.WriteString("zone", o.ZoneId);
            w.WriteNumber("raised_t", o.RaisedSeconds);
            Nullable(w, "cleared_t", o.ClearedSeconds);
            w.WriteString("peak_level", LevelName(o.PeakLevel));
            if (o.PreviousClearedSeconds is { } previous)
            {
                w.WriteNumber("previous_cleared_t", previous);
            }

            if (o.Cause is { } cause)
            {
                w.WriteString("cause", cause);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A level's lower-case name.</summary>
    public static string LevelName(AlertLevel level) => level.ToString().ToLowerInvariant();

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
