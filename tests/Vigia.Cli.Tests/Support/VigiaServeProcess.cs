using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Vigia.Cli.Tests.Support;

/// <summary>
/// The real server as a child process (<c>dotnet vigia.dll serve --data TMP --urls http://127.0.0.1:PORT</c>)
/// over a fresh journal folder, with an admin key made beforehand by <c>vigia keys add</c> (also a child process).
/// </summary>
internal sealed class VigiaServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private VigiaServeProcess(Process process, Uri address, string adminKey)
    {
        _process = process;
        Address = address;
        AdminKey = adminKey;
    }

    /// <summary>Base address, ending in '/'.</summary>
    public Uri Address { get; }

    /// <summary>An admin key (<c>vgk_…</c>).</summary>
    public string AdminKey { get; }

    /// <summary>What the server wrote so far (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<VigiaServeProcess> StartAsync()
    {
        var data = Testing.TestPaths.NewTempDirectory();
        var (exit, stdout, stderr) = await RunToEndAsync("keys", "add", "ops", "--role", "admin", "--data", data);
        Assert.True(exit == 0, $"vigia keys add: exit {exit}\n{stdout}\n{stderr}");
        var key = stdout.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("vgk_", StringComparison.Ordinal));

        var port = FreePort();
        var process = Start("serve", "--data", data, "--urls", $"http://127.0.0.1:{port}");
        var server = new VigiaServeProcess(process, new Uri($"http://127.0.0.1:{port}/"), key);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            Assert.False(_process.HasExited, $"vigia serve exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Log}");
            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
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

        Assert.Fail($"vigia serve was not ready within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Append(line).Append('\n');
            }
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunToEndAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(params string[] args)
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
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
    }

    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH under <c>dotnet test</c>), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
