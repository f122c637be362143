using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Alerts;

/// <summary>
/// Scores an alerting run against a scenario's truth (docs/alerting-scenarios.md, "Scoring"). Everything is
/// judged at the radar scan times, where the truth is sampled and the engine was run.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Detection.</b> A truth is detected at a scan when a displayed track lies within
/// <see cref="MatchMeters"/> (3-D) of its state there; its first detection is the first such scan.</item>
/// <item><b>Entries.</b> A threat truth enters a zone when a sample inside the zone's outline (horizontal,
/// <c>ZoneGeometry.Contains</c>) follows one outside; the entry time is interpolated linearly between the two
/// samples. It was warned when the zone alert standing at that time had been at warning or above at or before
/// it; the first warning is the earliest such version of that alert, the lead time entry − first warning.</item>
/// <item><b>Latency.</b> Per threat truth and zone, the first sample at which the truth meets a rule's condition
/// (in the buffer; predicted to enter within the horizon along its own velocity; inside outline and band), then
/// the first scan at or after the reference at which the zone's alert is at the rule's level or above (0 if it
/// already was), while the truth is alive. The reference is the first scan at or after the condition at which the
/// truth is tracked (the condition itself if it never is again), or the first detection when the condition was
/// already met then.</item>
/// <item><b>False alerts.</b> An alert is true when, at some scan while it stood, a track it listed as
/// contributing (in the version in force) lay within <see cref="MatchMeters"/> (3-D) of a threat truth's
/// state at that scan; otherwise false.</item>
/// <item><b>Flaps.</b> A zone alert raised within <see cref="FlapWindowSeconds"/> of the same zone's previous
/// alert clearing.</item>
/// </list>
/// Stateless.
/// </remarks>
internal static class AlertScorer
{
    /// <summary>Track-to-truth match distance, m (the GOSPA cut-off of the scenario scoring).</summary>
    public const double MatchMeters = 50;

    /// <summary>The targets apply to threats first detected at least this far outside the buffer, m.</summary>
    public const double TargetOutsideBufferMeters = 1000;

    /// <summary>… approaching at most this fast, m/s.</summary>
    public const double TargetApproachSpeedMetersPerSecond = 15;

    /// <summary>The approach speed is the mean horizontal speed over this long before entry, s.</summary>
    public const double ApproachWindowSeconds = 60;

    /// <summary>A raise this soon after the zone's previous clear is a flap, s.</summary>
    public const double FlapWindowSeconds = 60;

    /// <summary>Target: an alert at most this long after its condition is first met, s.</summary>
    public const double ConditionLimitSeconds = 1;

    /// <summary>Target: at most this long after first detection when the condition is met at once, s.</summary>
    public const double AtOnceLimitSeconds = 3;

    private const int CrossingIterations = 14;

    /// <summary>Scores <paramref name="run"/>.</summary>
    public static AlertReport Score(
        ScenarioHeader header,
        LocalTangentPlane frame,
        IReadOnlyList<ZoneContext> zones,
        IReadOnlyList<TruthTrack> truths,
        AlertRunResult run,
        ThreatRuleOptions rules)
    {
        var scans = new Scans(run.Scans);
        var histories = AlertHistory.From(run.Events);
        var timelines = zones.ToDictionary(z => z.Zone.Id, z => new ZoneTimeline(histories.Where(h => h.ZoneId == z.Zone.Id)), StringComparer.Ordinal);
        var paths = truths.Select(t => new TruthPath(t, frame)).ToList();
        var threats = paths.Where(t => t.Truth.EffectiveRole == TruthRole.Threat).ToList();

        var entries = new List<ZoneEntry>();
        var appearedInside = 0;
        var latencies = Rule.All.ToDictionary(r => r, _ => (After: new List<double>(), AtOnce: new List<double>(), Missed: 0, NeverDetected: 0, Late: new List<LateAlert>()));
        foreach (var truth in threats)
        {
            var firstDetection = scans.FirstDetection(truth);
            foreach (var zone in zones)
            {
                var timeline = timelines[zone.Zone.Id];
                appearedInside += Entries(truth, zone, timeline, firstDetection, entries);
                foreach (var rule in Rule.All)
                {
                    var level = rule.Level - (truth.Truth.UasId is null ? 0 : 1);
                    if (level == AlertLevel.None || truth.FirstTime(i => rule.Met(truth, i, zone, frame, rules)) is not { } condition)
                    {
                        continue;
                    }

                    var figures = latencies[rule];
                    if (firstDetection is not { } detected)
                    {
                        figures.NeverDetected++;
                    }
                    else
                    {
                        // From the condition, or from the first scan after it at which the truth is tracked when
                        // no sensor saw it then (nothing can be alerted on a drone no sensor reports); from first
                        // detection when the condition was already met before it ("at once").
                        var reference = detected >= condition ? detected : scans.FirstDetection(truth, condition) ?? condition;
                        if (timeline.FirstAtLeast(level, reference, truth.LastSeconds) is { } alerted)
                        {
                            var atOnce = detected >= condition;
                            (atOnce ? figures.AtOnce : figures.After).Add(alerted - reference);
                            if (alerted - reference > (atOnce ? AtOnceLimitSeconds : ConditionLimitSeconds) + 1e-9)
                            {
                                figures.Late.Add(new LateAlert(truth.Truth.Id, zone.Zone.Id, condition, reference, alerted, alerted - reference, atOnce));
                            }
                        }
                        else
                        {
                            figures.Missed++;
                        }
                    }

                    latencies[rule] = figures;
                }
            }
        }

        entries.Sort((a, b) => a.EntrySeconds.CompareTo(b.EntrySeconds));
        var falseAlerts = histories.Where(h => !h.IsTrue(scans, threats)).Select(h => h.Outcome(cause: h.Cause(scans, paths))).ToList();
        return new AlertReport
        {
            DurationSeconds = header.EndSeconds - header.StartSeconds,
            Zones = zones.Count,
            TruthsByRole = Enum.GetValues<TruthRole>().ToDictionary(TruthTrack.RoleText, r => truths.Count(t => t.EffectiveRole == r), StringComparer.Ordinal),
            Entries = entries,
            AppearedInside = appearedInside,
            AllEntries = Summarise(entries),
            TargetEntries = Summarise([.. entries.Where(e => e.Qualifies)]),
            Latencies = [.. Rule.All.Select(r => new RuleLatency(r.Name, r.Level, latencies[r].After, latencies[r].AtOnce, latencies[r].Missed, latencies[r].NeverDetected, [.. latencies[r].Late.OrderBy(l => l.ConditionSeconds)]))],
            Alerts = histories.Count,
            AlertsByPeakLevel = ByLevel(histories.Select(h => h.PeakLevel)),
            Updates = histories.Sum(h => h.Versions.Count(v => v.Event.Change == AlertChange.Updated)),
            Cleared = histories.Count(h => h.ClearedSeconds is not null),
            FalseAlerts = falseAlerts,
            FalseAlertsByPeakLevel = ByLevel(falseAlerts.Select(a => a.PeakLevel)),
            Flaps = [.. timelines.Values.SelectMany(t => t.Flaps(scans, paths))],
            Tracker = run.Tracker,
            LoopSeconds = run.LoopSeconds,
            Measurements = run.Measurements,
        };
    }

    /// <summary>Adds the truth's entries into <paramref name="zone"/>; returns 1 if it appeared inside it.</summary>
    private static int Entries(TruthPath truth, ZoneContext zone, ZoneTimeline timeline, double? firstDetection, List<ZoneEntry> entries)
    {
        var geometry = zone.Zone.Geometry;
        var states = truth.Truth.States;
        var wasInside = false;
        var appeared = 0;
        for (var i = 0; i < states.Count; i++)
        {
            var inside = geometry.Contains(truth.Geo[i]);
            if (inside && i == 0)
            {
                appeared = 1;
            }
            else if (inside && !wasInside)
            {
                var entry = CrossingSeconds(truth, i - 1, i, zone);
                double? detectedOutside = firstDetection is { } d && d <= entry && truth.IndexAt(d) is { } at
                    ? geometry.DistanceMeters(truth.Geo[at]) - zone.Zone.BufferMeters
                    : null;
                var window = states.Where(s => s.T >= entry - ApproachWindowSeconds && s.T <= entry).ToList();
                var speed = window.Count == 0 ? 0 : window.Average(s => Math.Sqrt((s.Vx * s.Vx) + (s.Vy * s.Vy)));
                entries.Add(new ZoneEntry(
                    truth.Truth.Id,
                    zone.Zone.Id,
                    entry,
                    timeline.FirstWarningBefore(entry),
                    detectedOutside is null ? null : firstDetection,
                    detectedOutside,
                    speed,
                    detectedOutside >= TargetOutsideBufferMeters && speed <= TargetApproachSpeedMetersPerSecond + 1e-9));
            }

            wasInside = inside;
        }

        return appeared;
    }

    /// <summary>When the straight line between samples <paramref name="outside"/> and <paramref name="inside"/> crosses the outline.</summary>
    private static double CrossingSeconds(TruthPath truth, int outside, int inside, ZoneContext zone)
    {
        var a = truth.Truth.States[outside];
        var b = truth.Truth.States[inside];
        double lo = 0, hi = 1;
        for (var k = 0; k < CrossingIterations; k++)
        {
            var mid = (lo + hi) / 2;
            var p = new EnuVector(a.X + (mid * (b.X - a.X)), a.Y + (mid * (b.Y - a.Y)), a.Z + (mid * (b.Z - a.Z)));
            if (zone.Zone.Geometry.Contains(truth.Frame.ToGeodetic(p)))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return a.T + (hi * (b.T - a.T));
    }

    private static EntrySummary Summarise(List<ZoneEntry> entries)
    {
        var leads = entries.Where(e => e.Warned).Select(e => e.LeadSeconds!.Value).Order().ToList();
        return new EntrySummary(entries.Count, leads.Count, Median(leads), leads.Count > 0 ? leads[0] : null);
    }

    /// <summary>The median of a sorted list, or null when empty.</summary>
    public static double? Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static Dictionary<AlertLevel, int> ByLevel(IEnumerable<AlertLevel> levels)
    {
        var counts = new Dictionary<AlertLevel, int> { [AlertLevel.Advisory] = 0, [AlertLevel.Warning] = 0, [AlertLevel.Alarm] = 0 };
        foreach (var level in levels)
        {
            counts[level] = counts.GetValueOrDefault(level) + 1;
        }

        return counts;
    }
}
