using System.Diagnostics;
using System.Globalization;
using Vigia.Cli.Replay;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;

namespace Vigia.Cli.Bench;

/// <summary>
/// <c>vigia bench memory</c>: the real server's resident memory while an hour-long simulated scenario (50
/// drone slots at the density of the shared N = 50 file) is replayed into it as fast as it acknowledges;
/// memory should level off once the journal's page cache and the tracker's pools are warm, not grow with
/// time.
/// </summary>
internal sealed class MemoryBench(double hours, TextWriter progress)
{
    public async Task<MemoryReport> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigia-bench-memory-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var scenario = Path.Combine(folder, "hour.json");
            var options = new SimulationOptions { Seed = 77, DurationSeconds = hours * 3600, OriginWgs84 = BenchSettings.Origin };
            var simulated = ScenarioSimulator.WriteFile(options, scenario);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulated {hours:F2} h: {simulated.Scans} scans, {simulated.RadarDetections + simulated.RemoteIdReports:N0} detections; replaying at max speed"));

            await using var server = await BenchServer.StartAsync(new BenchSettings { DataDirectory = Path.Combine(folder, "data") }, "memory", cancellationToken).ConfigureAwait(false);
            var samples = new List<(double Seconds, long Bytes)>();
            using var stop = new CancellationTokenSource();
            var wall = Stopwatch.StartNew();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (ResidentBytes(server.ProcessId) is { } rss)
                    {
                        lock (samples)
                        {
                            samples.Add((wall.Elapsed.TotalSeconds, rss));
                        }
                    }

                    try
                    {
                        await Task.Delay(500, stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }, CancellationToken.None);

            var settings = new ReplaySettings { ScenarioPath = scenario, ScenarioName = "memory-hour", Server = server.Address, Key = server.AdminKey, Speed = 0 };
            using var reader = ScenarioReader.Open(scenario);
            var summary = await new ScenarioReplayer(settings, BenchSettings.Origin, TextWriter.Null).RunAsync(reader, cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            return new MemoryReport(hours, summary.Observations, wall.Elapsed.TotalSeconds, [.. samples]);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>VmRSS of a process from /proc (Linux), bytes; null elsewhere or once it exited.</summary>
    private static long? ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}

/// <summary>What <see cref="MemoryBench"/> measured: resident memory of the server over the replay.</summary>
internal sealed record MemoryReport(double ScenarioHours, long Observations, double WallSeconds, IReadOnlyList<(double Seconds, long Bytes)> Samples)
{
    /// <summary>Resident memory at each tenth of the replay (the last sample at or before it), MB.</summary>
    public double[] Deciles()
    {
        var result = new double[10];
        for (var d = 1; d <= 10; d++)
        {
            var at = WallSeconds * d / 10;
            var sample = Samples.LastOrDefault(s => s.Seconds <= at);
            result[d - 1] = sample.Bytes / 1e6;
        }

        return result;
    }

    /// <summary>Growth over the second half of the replay: (RSS at 100 % − RSS at 50 %) / RSS at 50 %.</summary>
    public double SecondHalfGrowth()
    {
        var d = Deciles();
        return d[4] > 0 ? (d[9] - d[4]) / d[4] : double.NaN;
    }

    public void WriteText(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigia bench memory: {ScenarioHours:F2} h scenario, {Observations:N0} observations replayed in {WallSeconds:F0} s (SQLite WAL, synchronous=FULL)"));
        output.WriteLine("  server resident memory (MB) at each tenth of the replay:");
        output.WriteLine("  " + string.Join("  ", Deciles().Select((mb, i) => string.Create(CultureInfo.InvariantCulture, $"{(i + 1) * 10}%:{mb:F0}"))));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  growth over the second half: {SecondHalfGrowth() * 100:F1} %   (flat: no growth with time)"));
    }

    public void WriteJson(TextWriter output) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"scenario_hours":{{ScenarioHours}},"observations":{{Observations}},"wall_s":{{WallSeconds:F1}},"rss_mb_deciles":[{{string.Join(',', Deciles().Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}}],"second_half_growth":{{SecondHalfGrowth().ToString("F4", CultureInfo.InvariantCulture)}}}"""));
}
