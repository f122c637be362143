using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigia.Cli.Tests.Support;

/// <summary>
/// The built <c>vigia</c> run as a real child process (<c>dotnet vigia.dll ...</c>): one-shot commands, and a
/// long-running <c>vigia serve</c> that can be killed with SIGKILL and restarted.
/// </summary>
public sealed class VigiaProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private VigiaProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code (after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>vigia ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static VigiaProcess Start(string workingDirectory, params string[] args)
    {
        var vigia = Path.Combine(AppContext.BaseDirectory, "vigia.dll");
        Assert.True(File.Exists(vigia), $"vigia.dll not found next to the tests in {AppContext.BaseDirectory}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(vigia);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = start };
        Assert.True(process.Start(), "could not start " + start.FileName);
        return new VigiaProcess(process);
    }

    /// <summary>Runs a one-shot <c>vigia</c> command to its end; returns exit code and output.</summary>
    public static (int Exit, string Output) Run(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        Assert.True(p._process.WaitForExit(TimeSpan.FromSeconds(60)), $"vigia {string.Join(' ', args)} did not exit within 60 s");
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Output);
    }

    /// <summary>Waits for exit; false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit();
        return true;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or a power cut of the process.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>A loopback TCP port nobody listens on right now.</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary>
    /// <paramref name="count"/> different loopback TCP ports nobody listens on right now (all held open while
    /// choosing, so two calls in a row cannot hand out the same port).
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails with the process output otherwise.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"vigia exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{url} not ready within {timeout.TotalSeconds} s:\n{Output}");
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
