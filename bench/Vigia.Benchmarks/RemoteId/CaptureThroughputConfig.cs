using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Vigia.Benchmarks.RemoteId;

/// <summary>
/// A short job (1 launch, 1 warm-up, 5 iterations) that passes the shared data folder found by the host to
/// the benchmark process, plus the MB/s and records/s columns of <see cref="CaptureThroughputBenchmarks"/>.
/// </summary>
public sealed class CaptureThroughputConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public CaptureThroughputConfig()
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("Short");
        if (CaptureThroughputFile.FindDataFolder() is { } folder)
        {
            job = job.WithEnvironmentVariables(new EnvironmentVariable(CaptureThroughputFile.DataFolderVariable, folder));
        }

        AddJob(job);
        AddColumn(new ThroughputColumn(megabytes: true), new ThroughputColumn(megabytes: false));
    }

    /// <summary>File bytes (10⁶ per MB) or records divided by the Mean of one pass.</summary>
    private sealed class ThroughputColumn(bool megabytes) : IColumn
    {
        private static readonly ConcurrentDictionary<int, (long Bytes, long Records)> Plans = new();

        public string Id => megabytes ? "CaptureMBps" : "CaptureRecordsps";

        public string ColumnName => megabytes ? "MB/s" : "Mrecords/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => megabytes ? 0 : 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => megabytes
            ? "File bytes (10^6 per MB) divided by the Mean of one pass over the file"
            : "Records (millions) in the file divided by the Mean of one pass over the file";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var folder = CaptureThroughputFile.FindDataFolder();
            if (meanNanoseconds is not > 0 || folder is null || benchmarkCase.Parameters["SizeMB"] is not int sizeMB)
            {
                return "-";
            }

            var (bytes, records) = Plans.GetOrAdd(sizeMB, s => CaptureThroughputFile.Plan(s * 1_000_000L, folder));
            var perSecond = (megabytes ? bytes : records) / 1e6 / (meanNanoseconds.Value / 1e9);
            return perSecond.ToString(megabytes ? "F1" : "F2", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public override string ToString() => ColumnName;
    }
}
