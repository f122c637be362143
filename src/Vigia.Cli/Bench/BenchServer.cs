using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigia.Cli.Replay;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Cli.Bench;

/// <summary>
/// The real server for the bench: <c>vigia serve</c> started as a child process (its own GC and thread pool, as
/// in production) on a free loopback port, with an admin key created in its journal beforehand and the
/// per-client request rate limit raised out of the way (<c>--Vigia:RequestsPerSecondPerClient=100000</c>,
/// <c>--Vigia:RequestBurstPerClient=100000</c>), so the bench measures the pipeline and not the limiter.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const int LogLinesKept = 40;
    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly string? _ownedDirectory;

    private BenchServer(Process process, Uri address, string adminKey, string? ownedDirectory)
    {
        _process = process;
        Address = address;
        AdminKey = adminKey;
        _ownedDirectory = ownedDirectory;
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    /// <summary>The server's process id (for memory sampling).</summary>
    public int ProcessId => _process.Id;

    /// <summary>From launching the process to <c>/readyz</c> answering 200 (journal open, picture rebuilt).</summary>
    public TimeSpan StartToReady { get; private set; }

    /// <summary>An admin key for this run.</summary>
    public string AdminKey { get; }

    /// <summary>The arguments the server was started with (for the report).</summary>
    public IReadOnlyList<string> Arguments { get; private init; } = [];

    /// <summary>Creates the key, starts the server and waits until <c>/readyz</c> answers.</summary>
    public static async Task<BenchServer> StartAsync(BenchSettings settings, string runId, CancellationToken cancellationToken)
    {
        var owned = settings.DataDirectory is null ? Path.Combine(Path.GetTempPath(), "vigia-bench-" + runId) : null;
        var dataDirectory = settings.DataDirectory ?? owned!;
        Directory.CreateDirectory(dataDirectory);
        var key = Secrets.Generate(Secrets.KeyPrefix);
        var journal = await Journal.OpenAsync(new JournalOptions { DataDirectory = dataDirectory, ConnectionString = settings.Postgres }, cancellationToken).ConfigureAwait(false);
        await using (journal.ConfigureAwait(false))
        {
            var record = new ApiKeyRecord { Name = "bench-" + runId, Role = ApiKeyRole.Admin, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
            await journal.AddApiKeyAsync(record, Secrets.Hash(key), cancellationToken).ConfigureAwait(false);
        }

        var port = FreePort();
        var o = BenchSettings.Origin;
        List<string> arguments =
        [
            "serve", "--data", dataDirectory, "--urls", $"http://127.0.0.1:{port}",
            "--origin", string.Create(CultureInfo.InvariantCulture, $"{o.LatitudeDegrees},{o.LongitudeDegrees},{o.HeightAboveEllipsoidMeters}"),
            "--Vigia:RequestsPerSecondPerClient=100000", "--Vigia:RequestBurstPerClient=100000",
        ];
        if (settings.Postgres is not null)
        {
            arguments.InsertRange(1, ["--postgres", settings.Postgres]);
        }

        arguments.AddRange(settings.ServerArguments);
        var launched = Stopwatch.StartNew();
        var process = Launch(arguments);
        var server = new BenchServer(process, new Uri($"http://127.0.0.1:{port}/"), key, owned) { Arguments = arguments };
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
            server.StartToReady = launched.Elapsed;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        if (_ownedDirectory is not null)
        {
            try
            {
                Directory.Delete(_ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new ApiFailureException($"the bench server exited with code {_process.ExitCode}:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow start.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new ApiFailureException($"the bench server was not ready within 60 s:\n{LogTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }
    }

    private string LogTail()
    {
        lock (_log)
        {
            return string.Join('\n', _log);
        }
    }

    private static Process Launch(IReadOnlyList<string> arguments)
    {
        // This very build of vigia: through its apphost if that is what runs, else `dotnet vigia.dll`.
        var self = Path.Combine(AppContext.BaseDirectory, "vigia.dll");
        var host = Environment.ProcessPath ?? "dotnet";
        var viaAppHost = Path.GetFileNameWithoutExtension(host) == "vigia";
        var start = new ProcessStartInfo(viaAppHost ? host : DotnetHost(host))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (!viaAppHost)
        {
            start.ArgumentList.Add(self);
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new ApiFailureException("could not start the bench server process");
    }

    private static string DotnetHost(string current)
    {
        if (Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
