using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Vigia.Cli.Tests.Support;

namespace Vigia.Cli.Tests;

/// <summary>
/// End to end: the built <c>vigia</c> assembly run as a child process (<c>dotnet vigia.dll</c>), so that
/// the real entry point, console streams and exit code are what is tested.
/// </summary>
public sealed class ProgramTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Vigia_EvalJsonAsAChildProcess_Exits0WithOneJsonObjectOnStdoutAndOnlyLogsOnStderr()
    {
        var scenario = VigiaCli.SharedScenario("radar-n5-s1");

        var (exit, stdout, stderr) = RunVigia("eval", "--scenario", scenario, "--json");

        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.True(double.IsFinite(json.RootElement.GetProperty("mean_gospa").GetDouble()));
        Assert.Equal(60, json.RootElement.GetProperty("per_step").GetArrayLength());
        var logLines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["tracked 894 measurements"], logLines.Select(l => l.Split(',')[0]));
        Assert.DoesNotContain(VigiaCli.StackTraceMarker, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Vigia_UnknownOptionAsAChildProcess_Exits2WithTheReasonOnStderrOnly()
    {
        var (exit, stdout, stderr) = RunVigia("track", "--scenario", "X", "--out", "Y", "--bogus", "1");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("vigia track: --bogus: unknown option", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(VigiaCli.StackTraceMarker, stderr, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) RunVigia(params string[] args)
    {
        // The project reference copies vigia.dll (with its runtimeconfig) next to the test assembly.
        var vigia = Path.Combine(AppContext.BaseDirectory, "vigia.dll");
        Assert.True(File.Exists(vigia), $"vigia.dll not found next to the tests in {AppContext.BaseDirectory}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Testing.TestPaths.NewTempDirectory(),
        };
        start.ArgumentList.Add(vigia);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        Assert.True(process.Start(), "could not start " + start.FileName);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"vigia {string.Join(' ', args)} did not exit within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit(); // returns once both redirected streams have been read to their end
        return (process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH under <c>dotnet test</c>), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
