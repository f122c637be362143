using System.Globalization;
using System.Text;
using Vigia.Alerting.Alerts;

namespace Vigia.Cli.Alerts;

/// <summary>A plain-text table of an <see cref="AlertReport"/> for a terminal (invariant culture), then one line per entry.</summary>
/// <remarks>Thread-safety: stateless.</remarks>
internal static class AlertReportText
{
    public static string Format(AlertReport r)
    {
        var target = r.TargetEntries;
        var all = r.AllEntries;
        (string Name, string Value)[] rows =
        [
            ("zones", Invariant($"{r.Zones}")),
            ("truths (threat / cooperative / allowed)", Invariant($"{r.TruthsByRole["threat"]} / {r.TruthsByRole["cooperative"]} / {r.TruthsByRole["allowed"]}")),
            ("scenario length (h)", Invariant($"{r.DurationSeconds / 3600:F2}")),
            ("zone entries by threats", Invariant($"{all.Entries} ({r.AppearedInside} appeared inside a zone)")),
            ("  warned before entry", Warned(all)),
            ("  median / min lead (s)", Invariant($"{Number(all.MedianLeadSeconds, 1)} / {Number(all.MinLeadSeconds, 1)}")),
            ("target entries (detected >= 1 km out, <= 15 m/s)", Invariant($"{target.Entries}")),
            ("  warned before entry", Warned(target)),
            ("  median / min lead (s)", Invariant($"{Number(target.MedianLeadSeconds, 1)} / {Number(target.MinLeadSeconds, 1)}")),
            .. r.Latencies.Select(l => ($"latency {l.Rule} -> {AlertReportJson.LevelName(l.Level)}", Latency(l))),
            ("alerts raised", Invariant($"{r.Alerts} ({Levels(r.AlertsByPeakLevel)})")),
            ("alert updates / cleared", Invariant($"{r.Updates} / {r.Cleared}")),
            ("false alerts", Invariant($"{r.FalseAlerts.Count} ({r.FalseAlertsPerHour:F2} per hour; {Levels(r.FalseAlertsByPeakLevel)})")),
            ("flaps (raised <= 60 s after a clear)", Invariant($"{r.Flaps.Count}")),
            ("tracking loop (s)", Number(r.LoopSeconds, 3)),
            ("measurements", r.Measurements is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-"),
        ];

        var width = rows.Max(row => row.Name.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(width)).Append("  ").Append(value).Append('\n');
        }

        if (r.Entries.Count > 0)
        {
            text.Append('\n').Append("  truth  zone                 entry t  warned   lead s  detected t  outside buffer m  speed m/s  target\n");
            foreach (var e in r.Entries)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{e.TruthId,7}  {Truncate(e.ZoneId, 18),-18}  {e.EntrySeconds,8:F1}  {(e.Warned ? "yes" : "no"),6}  {Number(e.LeadSeconds, 1),7}  {Number(e.FirstDetectionSeconds, 1),10}  {Number(e.DetectedOutsideBufferMeters, 0),16}  {e.ApproachSpeedMetersPerSecond,9:F1}  {(e.Qualifies ? "yes" : "no"),6}\n");
            }
        }

        foreach (var l in r.Latencies)
        {
            foreach (var late in l.Late)
            {
                text.Append(CultureInfo.InvariantCulture, $"late {l.Rule}: truth {late.TruthId}, zone {late.ZoneId}, condition {late.ConditionSeconds:F1} s, counted from {late.FromSeconds:F1} s, alerted {late.AlertedSeconds:F1} s (+{late.LatencySeconds:F1} s)\n");
            }
        }

        foreach (var f in r.FalseAlerts)
        {
            text.Append(CultureInfo.InvariantCulture, $"false alert {f.AlertId}: zone {f.ZoneId}, raised {f.RaisedSeconds:F0} s, cleared {Number(f.ClearedSeconds, 0)} s, peak {AlertReportJson.LevelName(f.PeakLevel)}, tracks: {f.Cause}\n");
        }

        foreach (var f in r.Flaps)
        {
            text.Append(CultureInfo.InvariantCulture, $"flap {f.AlertId}: zone {f.ZoneId}, raised {f.RaisedSeconds:F0} s, {f.RaisedSeconds - f.PreviousClearedSeconds:F0} s after the previous clear ({f.Cause})\n");
        }

        return text.ToString();
    }

    private static string Warned(EntrySummary s) =>
        Invariant($"{s.Warned} of {s.Entries}{(s.WarnedFraction is { } f ? Invariant($" ({f * 100:F1} %)") : "")}");

    private static string Latency(RuleLatency l)
    {
        static string Part(IReadOnlyList<double> values, double limit)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0
                ? "none"
                : Invariant($"{sorted.Count}, median {AlertScorer.Median(sorted):F1} s, max {sorted[^1]:F1} s, {sorted.Count(v => v > limit + 1e-9)} over {limit:0} s");
        }

        return $"after condition {Part(l.AfterCondition, AlertScorer.ConditionLimitSeconds)}; at once {Part(l.AtOnce, AlertScorer.AtOnceLimitSeconds)}; missed {l.Missed}, never detected {l.NeverDetected}";
    }

    private static string Levels(IReadOnlyDictionary<AlertLevel, int> counts) =>
        Invariant($"advisory {counts.GetValueOrDefault(AlertLevel.Advisory)}, warning {counts.GetValueOrDefault(AlertLevel.Warning)}, alarm {counts.GetValueOrDefault(AlertLevel.Alarm)}");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Number(double? value, int decimals) =>
        value is { } v ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
