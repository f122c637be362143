using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Vigia.Cli.Replay;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;

namespace Vigia.Cli.Demo;

/// <summary>
/// <c>vigia demo</c>: the live service in this process (<see cref="Vigia.Server.Program.Main"/>, as <c>vigia serve</c>
/// runs it) on 127.0.0.1 with its own data folder, marked as an exercise (<c>--Vigia:Exercise=true</c>); the demo's
/// operator key printed with the console's URL; and the bundled demo scenario played into it through the public
/// API at ×1, over and over (each pass with new client ids, its times shifted to now), until Ctrl+C or SIGTERM.
/// </summary>
/// <remarks>
/// A stop signal reaches both the server's host (which stops itself) and this runner (which stops the replay), so a
/// Ctrl+C ends with the server stopped and exit 0. A pass that the server refuses is reported and retried after a pause.
/// </remarks>
internal sealed class DemoRunner(DemoSettings settings, TextWriter stdout, TextWriter stderr)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    /// <summary>Runs the demo until stopped; returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, stop));

        var script = DemoScenario.Script();
        var scenarioPath = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"vigia-demo-{Environment.ProcessId}.json"));
        try
        {
            var summary = DemoScenario.WriteScenario(script, scenarioPath);
            Directory.CreateDirectory(settings.DataDirectory);
            var keys = await DemoKeys.LoadOrCreateAsync(settings.DataDirectory, stop.Token).ConfigureAwait(false);
            stdout.WriteLine("vigia demo: EXERCISE. An illustrative scenario near El Bejuco and La Romera (Tepalcatepec, Michoacán), not a reconstruction;");
            stdout.WriteLine("vigia demo: everything this server shows is marked as an exercise and can never be a real warning.");
            stdout.WriteLine($"vigia demo: data folder {Path.GetFullPath(settings.DataDirectory)}");
            var port = PickPort(settings.Port);
            var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            var server = StartServer(script.Origin, port);
            if (!await WaitReadyAsync(address, server, stop.Token).ConfigureAwait(false))
            {
                return await StoppedAsync(server, stop).ConfigureAwait(false);
            }

            stdout.WriteLine($"vigia demo: console       {address}");
            stdout.WriteLine($"vigia demo: operator key  {keys.OperatorKey}{(keys.Reused ? " (kept from an earlier run)" : "")}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"vigia demo: replaying {DemoScenario.Name} ({script.DurationSeconds:F0} s; {script.Sensors.Count} sensors, {script.Targets.Count} scripted drones; {summary.RadarDetections + summary.RemoteIdReports} detections a pass) at x1 in a loop; Ctrl+C stops"));
            stdout.Flush();
            if (settings.OpenBrowser)
            {
                OpenBrowser(address);
            }

            await RegisterSensorsAsync(script, address, keys.AdminKey, stop.Token).ConfigureAwait(false);
            await CreateZonesAsync(address, keys.AdminKey, stop.Token).ConfigureAwait(false);
            await LoopAsync(scenarioPath, script, address, keys.AdminKey, server, stop.Token).ConfigureAwait(false);
            return await StoppedAsync(server, stop).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(scenarioPath);
        }
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        // The server's own host sees the same signal and stops itself; here only the replay stops.
        context.Cancel = true;
        stop.Cancel();
    }

    /// <summary>Creates the villages' protected zones (El Bejuco, La Romera) unless they exist already.</summary>
    private async Task CreateZonesAsync(Uri address, string adminKey, CancellationToken cancellationToken)
    {
        using var api = new VigiaApiClient(address, adminKey);
        try
        {
            var created = await api.CreateMissingZonesAsync(DemoScenario.ZonesGeoJson(), cancellationToken).ConfigureAwait(false);
            if (created > 0)
            {
                stdout.WriteLine($"vigia demo: created {created} protected zones (the built-up areas of El Bejuco and La Romera, INEGI)");
            }
        }
        catch (ApiFailureException e)
        {
            stderr.WriteLine($"vigia demo: creating the demo zones: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Registers the script's sensors the server lacks, with their ranges (radar range, Remote ID reception range) for the console's coverage rings.</summary>
    private async Task RegisterSensorsAsync(ScriptedScenario script, Uri address, string adminKey, CancellationToken cancellationToken)
    {
        var plane = new LocalTangentPlane(script.Origin);
        using var api = new VigiaApiClient(address, adminKey);
        try
        {
            var known = await api.ListSensorIdsAsync(cancellationToken).ConfigureAwait(false) ?? new HashSet<string>();
            foreach (var sensor in script.Sensors.Where(s => !known.Contains(s.Id.Value)))
            {
                var kind = sensor.Kind == ScriptedSensorKind.Radar ? "radar" : "remote-id";
                await api.RegisterSensorAsync(sensor.Id.Value, kind, plane.ToGeodetic(sensor.Position), $"vigia demo (exercise): {kind} of the illustrative {DemoScenario.Name} scenario", sensor.RangeMaxMeters, cancellationToken).ConfigureAwait(false);
                stdout.WriteLine($"vigia demo: registered sensor {sensor.Id.Value} ({kind})");
            }
        }
        catch (ApiFailureException e)
        {
            // The replay registers what is missing (without ranges) and reports its own failures.
            stderr.WriteLine($"vigia demo: registering the demo sensors: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task LoopAsync(string scenarioPath, ScriptedScenario script, Uri address, string adminKey, Task<int> server, CancellationToken cancellationToken)
    {
        var run = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        for (var pass = 1; !cancellationToken.IsCancellationRequested && !server.IsCompleted; pass++)
        {
            var replay = new ReplaySettings
            {
                ScenarioPath = scenarioPath,
                ScenarioName = DemoScenario.Name,
                ClientIdPrefix = string.Create(CultureInfo.InvariantCulture, $"{DemoScenario.Name}/{run}/{pass}"),
                Server = address,
                Key = adminKey,
                Speed = 1,
            };
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigia demo: pass {pass} started at {DateTimeOffset.UtcNow:HH:mm:ss} UTC"));
            try
            {
                using var reader = ScenarioReader.Open(scenarioPath);
                var summary = await new ScenarioReplayer(replay, script.Origin, TextWriter.Null).RunAsync(reader, cancellationToken).ConfigureAwait(false);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"vigia demo: pass {pass} done: {summary.Observations} observations{(summary.Registered.Count > 0 ? "; registered " + string.Join(", ", summary.Registered) : "")}"));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiFailureException e)
            {
                if (server.IsCompleted)
                {
                    return;
                }

                stderr.WriteLine($"vigia demo: pass {pass} failed: {e.Message}; trying again in {RetryPause.TotalSeconds:F0} s");
                try
                {
                    await Task.Delay(RetryPause, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private Task<int> StartServer(GeoPosition origin, int port)
    {
        string[] arguments =
        [
            "--data", settings.DataDirectory,
            "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            "--origin", string.Create(CultureInfo.InvariantCulture, $"{origin.LatitudeDegrees:R},{origin.LongitudeDegrees:R},{origin.HeightAboveEllipsoidMeters:R}"),
            "--Vigia:Exercise=true",
        ];
        return Task.Run(() => Vigia.Server.Program.Main(arguments));
    }

    private async Task<bool> WaitReadyAsync(Uri address, Task<int> server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout && !cancellationToken.IsCancellationRequested)
        {
            if (server.IsCompleted)
            {
                stderr.WriteLine("vigia demo: the server did not start (see above)");
                return false;
            }

            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow start.
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            try
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine($"vigia demo: the server was not ready within {StartTimeout.TotalSeconds:F0} s");
        }

        return false;
    }

    /// <summary>After the replay stopped: waits for the server (stopped by the same signal) and gives the exit code.</summary>
    private async Task<int> StoppedAsync(Task<int> server, CancellationTokenSource stop)
    {
        var interrupted = stop.IsCancellationRequested;
        if (await Task.WhenAny(server, Task.Delay(StopTimeout, CancellationToken.None)).ConfigureAwait(false) != server)
        {
            // The host stops on SIGINT/SIGTERM itself; it also stops when this process exits.
            stderr.WriteLine("vigia demo: the server is still stopping; exiting");
            return interrupted ? CommandLine.Ok : CommandLine.Failure;
        }

        var exit = await server.ConfigureAwait(false);
        if (interrupted)
        {
            stdout.WriteLine("vigia demo: stopped");
            return exit == 0 ? CommandLine.Ok : exit;
        }

        return exit == 0 ? CommandLine.Failure : exit;
    }

    private int PickPort(int wanted)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, wanted);
            listener.Start();
            listener.Stop();
            return wanted;
        }
        catch (SocketException)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            stdout.WriteLine($"vigia demo: port {wanted} is busy; using {port} instead");
            return port;
        }
    }

    private void OpenBrowser(Uri address)
    {
        try
        {
            ProcessStartInfo start;
            if (OperatingSystem.IsWindows())
            {
                start = new ProcessStartInfo(address.ToString()) { UseShellExecute = true };
            }
            else if (OperatingSystem.IsMacOS())
            {
                start = new ProcessStartInfo("open", address.ToString());
            }
            else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
            {
                start = new ProcessStartInfo("xdg-open", address.ToString());
            }
            else
            {
                stdout.WriteLine($"vigia demo: no desktop here; open {address} in a browser");
                return;
            }

            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            stdout.WriteLine($"vigia demo: could not open a browser ({e.Message}); open {address} yourself");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
