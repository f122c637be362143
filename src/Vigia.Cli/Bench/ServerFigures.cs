namespace Vigia.Cli.Bench;

/// <summary>
/// What the server's own metrics (<c>/metrics</c>) say happened during a phase: journal group commits
/// (<c>vigia_journal_*</c>), tracker steps (<c>vigia_tracker_scan_duration</c>), request-received-to-published
/// latency (<c>vigia_pipeline_latency</c>) and observations not tracked (<c>vigia_pipeline_dropped</c>).
/// Quantiles are estimated from the histogram buckets (linear inside a bucket).
/// </summary>
internal sealed record ServerFigures(
    bool Available,
    double Transactions,
    double Rows,
    HistogramDelta Commit,
    HistogramDelta Scan,
    HistogramDelta Pipeline,
    double DroppedQueueFull,
    double DroppedLate)
{
    /// <summary>The deltas between two scrapes.</summary>
    public static ServerFigures From(PrometheusText before, PrometheusText after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new ServerFigures(
            after.Has("vigia_journal_rows_total"),
            after.Sum("vigia_journal_commit_duration_milliseconds_count") - before.Sum("vigia_journal_commit_duration_milliseconds_count"),
            after.Sum("vigia_journal_rows_total") - before.Sum("vigia_journal_rows_total"),
            after.Histogram("vigia_journal_commit_duration_milliseconds", before),
            after.Histogram("vigia_tracker_scan_duration_milliseconds", before),
            after.Histogram("vigia_pipeline_latency_milliseconds", before),
            after.Sum("vigia_pipeline_dropped_total", "reason=\"queue_full\"") - before.Sum("vigia_pipeline_dropped_total", "reason=\"queue_full\""),
            after.Sum("vigia_pipeline_dropped_total", "reason=\"late\"") - before.Sum("vigia_pipeline_dropped_total", "reason=\"late\""));
    }
}
