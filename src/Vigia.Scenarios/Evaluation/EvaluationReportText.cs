using System.Globalization;
using System.Text;

namespace Vigia.Scenarios.Evaluation;

/// <summary>A plain-text table of an <see cref="EvaluationReport"/> for a terminal (invariant culture).</summary>
/// <remarks>Thread-safety: stateless.</remarks>
public static class EvaluationReportText
{
    /// <summary>Renders the summary table, and the per-step table if <paramref name="includeSteps"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="includeSteps">True to append one line per scored step.</param>
    public static string Format(EvaluationReport report, bool includeSteps = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.CutoffMeters.ToString("0.###", CultureInfo.InvariantCulture);
        (string Name, string Value)[] rows =
        [
            ($"mean GOSPA (c = {c} m, p = 2)", Number(report.MeanGospa, 3)),
            ($"mean GOSPA (c = {c} m, p = 1)", Number(report.MeanGospaP1, 3)),
            ("localisation RMS (m, pooled)", Number(report.LocalisationRmsMeters, 3)),
            ("mean missed", Number(report.MeanMissed, 2)),
            ("mean false", Number(report.MeanFalse, 2)),
            ("track switches", Number(report.TrackSwitches, 0)),
            ("mean time to first track (s)", Number(report.MeanTimeToFirstTrackSeconds, 2)),
            ("truths ever tracked", $"{Number(report.TruthsEverAssigned, 0)} of {Number(report.Truths, 0)}"),
            ("mean confirmed tracks", Number(report.MeanConfirmed, 2)),
            ("max confirmed tracks", Number(report.MaxConfirmed, 0)),
            ("tracks never assigned", $"{Number(report.TracksNeverAssigned, 0)} of {Number(report.DistinctTracks, 0)}"),
            ("scored steps", Number(report.Steps, 0)),
            ("tracking loop (s)", Number(report.LoopSeconds, 3)),
            ("measurements", report.Measurements is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-"),
        ];

        var width = rows.Max(r => r.Name.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(width)).Append("  ").Append(value).Append('\n');
        }

        if (includeSteps)
        {
            text.Append('\n').Append("       t     GOSPA  missed  false\n");
            foreach (var step in report.PerStep)
            {
                text.Append(CultureInfo.InvariantCulture, $"{step.T,8:0.###}  {step.Gospa,8:0.000}  {step.Missed,6}  {step.False,5}\n");
            }
        }

        return text.ToString();
    }

    private static string Number(double? value, int decimals) =>
        value is { } v ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";
}
