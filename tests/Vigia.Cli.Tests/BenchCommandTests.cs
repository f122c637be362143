using Vigia.Cli.Tests.Support;

namespace Vigia.Cli.Tests;

/// <summary><c>vigia bench pipeline|alerts|restart|memory</c> end to end (the real server as a child process). No timing assertions: figures depend on the machine.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void BenchPipeline_OneSecondJson_PrintsOneObjectWithEveryFigure()
    {
        var result = VigiaCli.Run("bench", "pipeline", "--seconds", "1", "--clients", "4", "--json");

        VigiaCli.AssertExit(0, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        Assert.Equal("sqlite", root.GetProperty("journal").GetString());
        Assert.Equal("SQLite WAL, synchronous=FULL", root.GetProperty("durability").GetString());
        var throughput = root.GetProperty("throughput");
        Assert.True(throughput.GetProperty("observations").GetInt64() > 0, result.ToString());
        Assert.True(throughput.GetProperty("observations_per_s").GetDouble() > 0);
        Assert.True(throughput.GetProperty("server").GetProperty("journal_transactions").GetDouble() > 0, result.ToString());
        var latency = root.GetProperty("latency");
        Assert.Equal(100, latency.GetProperty("batches_measured").GetInt32());
        foreach (var name in new[] { "p50_ms", "p90_ms", "p99_ms", "max_ms" })
        {
            Assert.True(latency.GetProperty(name).ValueKind is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.Null, name);
        }

        Assert.Equal(11, latency.GetProperty("histogram").GetArrayLength());
        Assert.True(latency.GetProperty("server").GetProperty("tracker_steps").GetDouble() > 0, result.ToString());
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void BenchAlerts_LowRateJson_TimesEveryAlertVersionOnEveryOutput()
    {
        var result = VigiaCli.Run("bench", "alerts", "--seconds", "8", "--rate", "1000", "--intruder-every", "2", "--cap-poll-ms", "100", "--cap-feed-ms", "500", "--json");

        VigiaCli.AssertExit(0, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        var versions = root.GetProperty("versions").GetInt32();
        Assert.True(versions > 0, result.ToString());
        Assert.Equal(0, root.GetProperty("failed_batches").GetInt64());
        Assert.True(root.GetProperty("intruder_observations").GetInt64() > 0);
        Assert.True(root.GetProperty("webhooks_verified").GetInt64() >= versions, result.ToString());
        Assert.Equal(0, root.GetProperty("webhooks_rejected").GetInt64());
        Assert.True(root.GetProperty("cot_alert_events").GetInt64() >= versions, result.ToString());
        Assert.True(root.GetProperty("cap_requests").GetInt64() > 0);
        Assert.Equal(0, root.GetProperty("cap_failures").GetInt64());
        var outputs = root.GetProperty("outputs");
        foreach (var name in new[] { "webhook", "cot", "cap" })
        {
            var output = outputs.GetProperty(name);
            Assert.True(output.GetProperty("count").GetInt32() > 0, $"{name}: {result}");
            Assert.Equal(versions, output.GetProperty("count").GetInt32() + output.GetProperty("missing").GetInt32());
            Assert.True(output.GetProperty("p99_ms").GetDouble() >= output.GetProperty("p50_ms").GetDouble(), name);
            Assert.True(output.GetProperty("p50_ms").GetDouble() >= output.GetProperty("from_step_end_p50_ms").GetDouble(), name);
        }

        foreach (var name in new[] { "webhook", "cot", "cap" })
        {
            Assert.Equal(0, outputs.GetProperty(name).GetProperty("missing").GetInt32());
        }
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void BenchRestart_SmallJournal_BuildsItStartsTheServerOnItAndReportsTheFigures()
    {
        var data = Vigia.Testing.TestPaths.NewTempDirectory();

        var result = VigiaCli.Run("bench", "restart", "--observations", "20000", "--data", data, "--json");

        VigiaCli.AssertExit(0, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        Assert.Equal(20_000, root.GetProperty("observations").GetInt64());
        Assert.True(root.GetProperty("journal_bytes").GetInt64() > 0);
        Assert.True(root.GetProperty("start_to_ready_s").GetDouble() > 0);
        Assert.True(root.GetProperty("tracks_in_picture").GetInt32() >= 0);

        // A second run reuses the journal instead of building it again.
        var again = VigiaCli.Run("bench", "restart", "--observations", "20000", "--data", data, "--json");
        VigiaCli.AssertExit(0, again);
        Assert.Equal(20_000, again.StdoutJson().RootElement.GetProperty("observations").GetInt64());
    }

    [Fact]
    public void BenchMemory_ShortScenario_ReportsTenSamplesOfResidentMemory()
    {
        var result = VigiaCli.Run("bench", "memory", "--hours", "0.01", "--json");

        VigiaCli.AssertExit(0, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        Assert.True(root.GetProperty("observations").GetInt64() > 0, result.ToString());
        var deciles = root.GetProperty("rss_mb_deciles").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(10, deciles.Length);
        Assert.True(deciles[^1] > 10, $"the server's resident memory was read: {deciles[^1]} MB");
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("bench", "everything")]
    [InlineData("bench", "pipeline", "--seconds", "0")]
    [InlineData("bench", "pipeline", "--server-args", "Vigia:X=1")]
    [InlineData("bench", "alerts", "--rate", "3000")]
    [InlineData("bench", "alerts", "--server-args", "Vigia:X=1")]
    public void Bench_BadUsage_Exits2(params string[] args)
    {
        var result = VigiaCli.Run(args);

        VigiaCli.AssertExit(2, result);
        Assert.StartsWith("vigia bench: ", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
    }
}
