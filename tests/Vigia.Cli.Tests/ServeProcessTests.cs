using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigia.Cli.Tests.Support;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary>
/// The real <c>vigia serve</c> process: killed with SIGKILL in the middle of a stream of observations and
/// restarted. Every acknowledged observation must be in the journal exactly once, and the picture must
/// come back.
/// </summary>
public sealed class ServeProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KilledMidStreamAndRestarted_EveryAcknowledgedObservationIsJournalledExactlyOnce_AndTracksComeBack()
    {
        var dir = TestPaths.NewTempDirectory();
        var data = Path.Combine(dir, "data");
        var token = LastLine(Checked(VigiaProcess.Run(dir, "sensors", "add", "rid-1", "--kind", "remote-id", "--data", data)));
        var key = LastLine(Checked(VigiaProcess.Run(dir, "keys", "add", "ops", "--role", "admin", "--data", data)));
        var port = VigiaProcess.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var acknowledged = new ConcurrentBag<string>();
        var attempted = new ConcurrentBag<string>();
        var t0 = DateTimeOffset.UtcNow;
        using (var server = VigiaProcess.Start(dir, "serve", "--data", data, "--urls", baseUrl))
        {
            await server.WaitUntilReadyAsync(http, baseUrl + "/readyz", StartTimeout);

            // Four concurrent clients post batches of 20 until the server dies under them.
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 4).Select(c => Task.Run(() => SendUntilRefusedAsync(baseUrl, token, c, t0, acknowledged, attempted, stop.Token))).ToArray();
            while (acknowledged.Count < 400)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
                Assert.False(server.HasExited, server.Output);
            }

            server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        Assert.True(attempted.Count > acknowledged.Count || attempted.Count == acknowledged.Count);
        using (var server = VigiaProcess.Start(dir, "serve", "--data", data, "--urls", baseUrl))
        {
            await server.WaitUntilReadyAsync(http, baseUrl + "/readyz", StartTimeout);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            // The picture comes back from the journal: the drone is tracked again (query at once: the
            // data is seconds old, and the picture lets it go after the display coast time).
            using var tracks = JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/api/v1/tracks", TestContext.Current.CancellationToken));
            Assert.Contains(tracks.RootElement.GetProperty("tracks").EnumerateArray(), t => t.TryGetProperty("uas_id", out var u) && u.GetString() == "CRASH-TEST-1");

            var journalled = await ReadAllIdsAsync(http, baseUrl);
            var counts = journalled.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(acknowledged, id => Assert.True(counts.TryGetValue(id, out var n) && n == 1, $"acknowledged {id} journalled {counts.GetValueOrDefault(id)} times"));
            Assert.All(counts, kv => Assert.Equal(1, kv.Value));

            // A client that retries everything it sent (acknowledged or not) creates no second copy.
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var retry = attempted.Distinct().ToArray();
            foreach (var chunk in retry.Chunk(200))
            {
                using var r = await http.PostAsync(baseUrl + "/api/v1/observations", Body(chunk, t0), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var after = await ReadAllIdsAsync(http, baseUrl);
            Assert.Equal(after.Count, after.Distinct().Count());
            Assert.Equal(retry.Length, after.Count);
        }
    }

    [Fact]
    public async Task Serve_WithLan_ServesHttpsWithTheCertificateWhoseFingerprintItPrints()
    {
        var dir = TestPaths.NewTempDirectory();
        var ports = VigiaProcess.FreePorts(2);
        var (https, http) = (ports[0], ports[1]);
        using var server = VigiaProcess.Start(dir, "serve", "--data", Path.Combine(dir, "data"), "--lan", $"--Vigia:LanHttpsPort={https}", $"--Vigia:LanLoopbackHttpPort={http}");
        using (var plain = new HttpClient())
        {
            await server.WaitUntilReadyAsync(plain, $"http://127.0.0.1:{http}/readyz", StartTimeout);
        }

        // The child's output is read asynchronously: give the line a moment to arrive.
        var printed = "";
        for (var i = 0; i < 100 && printed.Length == 0; i++)
        {
            printed = System.Text.RegularExpressions.Regex.Match(server.Output, "fingerprint ([0-9A-F:]{95})").Groups[1].Value;
            await Task.Delay(printed.Length == 0 ? 50 : 0, TestContext.Current.CancellationToken);
        }

        Assert.NotEmpty(printed);
        string? seen = null;
        using var handler = new HttpClientHandler
        {
            // A phone checks the printed fingerprint by eye; the test checks it byte for byte.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                seen = string.Join(':', certificate!.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
                return seen == printed;
            },
        };
        using var client = new HttpClient(handler);

        // The loopback port answering does not prove the LAN port is bound yet on every run: allow it a moment.
        HttpResponseMessage? response = null;
        for (var attempt = 0; response is null; attempt++)
        {
            try
            {
                response = await client.GetAsync($"https://127.0.0.1:{https}/healthz", TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        using var disposeResponse = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(printed, seen);
        Assert.True(File.Exists(Path.Combine(dir, "data", "lan-certificate.pfx")));
    }

    [Fact]
    public async Task Metrics_AreServedInPrometheusFormatToLoopbackClients_WithThePipelineFigures()
    {
        var dir = TestPaths.NewTempDirectory();
        var data = Path.Combine(dir, "data");
        var token = LastLine(Checked(VigiaProcess.Run(dir, "sensors", "add", "rid-1", "--kind", "remote-id", "--data", data)));
        var baseUrl = $"http://127.0.0.1:{VigiaProcess.FreePort()}";
        using var server = VigiaProcess.Start(dir, "serve", "--data", data, "--urls", baseUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await server.WaitUntilReadyAsync(http, baseUrl + "/readyz", StartTimeout);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var posted = await http.PostAsync(baseUrl + "/api/v1/observations", Body(["c0-b0-i0", "c0-b0-i1"], DateTimeOffset.UtcNow), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        http.DefaultRequestHeaders.Authorization = null;
        var metrics = "";
        for (var i = 0; i < 50 && !metrics.Contains("vigia_pipeline_latency", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            metrics = await http.GetStringAsync(baseUrl + "/metrics", TestContext.Current.CancellationToken);
        }

        Assert.Contains("vigia_ingest_observations_total{otel_scope_name=\"Vigia.Server\",outcome=\"accepted\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("vigia_journal_commit_duration_milliseconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("vigia_pipeline_latency_milliseconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("vigia_tracker_scan_duration_milliseconds_bucket", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_OnAFileThatIsNotADatabase_ExitsAtOnceWithAClearMessage()
    {
        var dir = TestPaths.NewTempDirectory();
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(data);
        File.WriteAllBytes(Path.Combine(data, "vigia.db"), Encoding.ASCII.GetBytes(new string('x', 8192)));

        var (exit, output) = VigiaProcess.Run(dir, "serve", "--data", data, "--urls", $"http://127.0.0.1:{VigiaProcess.FreePort()}");

        Assert.Equal(1, exit);
        Assert.Contains("vigia serve: cannot start:", output, StringComparison.Ordinal);
        Assert.Contains("vigia.db", output, StringComparison.Ordinal);
        Assert.DoesNotContain(VigiaCli.StackTraceMarker, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Vigia": {"Alerting": {"WarningHorizonSeconds": -1}}}""", "Vigia:Alerting:WarningHorizonSeconds: must be within")]
    [InlineData("""{"Vigia": {"Radar": {"Listen": "[::]:21111", "Sites": [{"Sensor": "radar-1", "Sac": 25, "Sic": 201}]}}}""", "Vigia:Radar:Listen")]
    public void Serve_WithABadSetting_Exits2_NamingIt_WithoutAStackTrace(string config, string expected)
    {
        var dir = TestPaths.NewTempDirectory();
        var file = Path.Combine(dir, "vigia.json");
        File.WriteAllText(file, config);

        var (exit, output) = VigiaProcess.Run(dir, "serve", "--data", Path.Combine(dir, "data"), "--config", file, "--urls", $"http://127.0.0.1:{VigiaProcess.FreePort()}");

        Assert.Equal(2, exit);
        Assert.Contains("vigia serve: bad configuration: ", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain(VigiaCli.StackTraceMarker, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RefusesLargeBodiesOutsideIngest_WhileALargeIngestBatchIsRead()
    {
        await using var server = await VigiaServeProcess.StartAsync();
        using var admin = server.Client();
        using var created = await admin.PostAsync("api/v1/sensors", new StringContent("""{"id":"radar-1","kind":"radar","position":[19.08,-102.81,400]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("token").GetString()!;
        var padding = new string(' ', 5 * 1024 * 1024);

        // A 5 MiB zone: beyond the 4 MiB every route but ingest takes. Sent with Expect: 100-continue, as a careful
        // client does, so the refusal comes before the body (otherwise the server may close while it is being sent).
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/zones") { Content = new StringContent("{\"type\":\"Feature\"" + padding + "}", Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminKey);
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = server.Address };
        using var zone = await patient.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, zone.StatusCode);

        // A 5 MiB observation batch (one plot, padded): within ingest's own 8 MiB.
        using var sensor = new HttpClient { BaseAddress = server.Address };
        sensor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var batch = $$"""{"observations":[{"sensor_id":"radar-1","id":"big-1","sensor_time":"{{now}}","kind":"rae","values":[1500,1.0,0.05],"covariance":[25,0.0001,0.0001]}]""" + padding + "}";
        using var ingested = await sensor.PostAsync("api/v1/observations", new StringContent(batch, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);
    }

    [Fact]
    public void Serve_WithAnUnknownOption_Exits2()
    {
        var (exit, output) = VigiaProcess.Run(TestPaths.NewTempDirectory(), "serve", "--bogus", "1");

        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--bogus'", output, StringComparison.Ordinal);
    }

    private static async Task SendUntilRefusedAsync(string baseUrl, string token, int client, DateTimeOffset t0, ConcurrentBag<string> acknowledged, ConcurrentBag<string> attempted, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var batch = 0; !stop.IsCancellationRequested; batch++)
        {
            var ids = Enumerable.Range(0, 20).Select(i => $"c{client}-b{batch}-i{i}").ToArray();
            foreach (var id in ids)
            {
                attempted.Add(id);
            }

            try
            {
                using var response = await http.PostAsync(baseUrl + "/api/v1/observations", Body(ids, t0), CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    acknowledged.Add(id);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The server died under us: this batch is unacknowledged.
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    /// <summary>A batch of Remote ID positions of one drone; the id encodes client, batch and item, and sets the time.</summary>
    private static StringContent Body(IEnumerable<string> ids, DateTimeOffset t0)
    {
        var items = ids.Select(id =>
        {
            var parts = id.Split('-');
            var seq = (int.Parse(parts[1][1..], CultureInfo.InvariantCulture) * 20) + int.Parse(parts[2][1..], CultureInfo.InvariantCulture);
            var t = t0.AddMilliseconds(seq * 10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var lat = (19.2 + (seq * 1e-6)).ToString("R", CultureInfo.InvariantCulture);
            return $$"""{"sensor_id":"rid-1","id":"{{id}}","sensor_time":"{{t}}","kind":"geodetic","values":[{{lat}},-102.8,500],"covariance":[9,9,25],"uas_id":"CRASH-TEST-1"}""";
        });
        return new StringContent("{\"observations\":[" + string.Join(',', items) + "]}", Encoding.UTF8, "application/json");
    }

    private static async Task<List<string>> ReadAllIdsAsync(HttpClient http, string baseUrl)
    {
        var ids = new List<string>();
        long after = 0;
        while (true)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"{baseUrl}/api/v1/observations?after={after}&limit=10000", TestContext.Current.CancellationToken));
            var items = page.RootElement.EnumerateArray().ToArray();
            if (items.Length == 0)
            {
                return ids;
            }

            ids.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
            after = items.Max(i => i.GetProperty("seq").GetInt64());
        }
    }

    private static string Checked((int Exit, string Output) run)
    {
        Assert.True(run.Exit == 0, run.Output);
        return run.Output;
    }

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
}
