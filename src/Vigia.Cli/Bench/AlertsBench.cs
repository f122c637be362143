using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Alerting.Zones;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Bench;

/// <summary>
/// <c>vigia bench alerts</c>: starts the real server with TAK UDP pointed at a loopback listener, creates the
/// protected zones and a webhook endpoint (a loopback receiver that verifies every signature) through the API,
/// starts watching CAP (<see cref="CapPoller"/>), posts the background load with intruders crossing the zones, waits for
/// the last deliveries, and reports, per output, the time from posting the batch that triggered each alert version
/// to its arrival.
/// </summary>
internal sealed class AlertsBench(AlertsBenchSettings settings, TextWriter progress)
{
    /// <summary>How long after the load the bench keeps listening (webhook retries start after 1 s).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>Runs the bench and returns the report.</summary>
    public async Task<AlertsReport> RunAsync(CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var arrivals = new AlertArrivals();
        var cot = new CotReceiver(arrivals);
        await using var cotScope = cot.ConfigureAwait(false);
        var webhooks = WebhookReceiver.Start(arrivals);
        await using var webhookScope = webhooks.ConfigureAwait(false);
        List<string> arguments =
        [
            "--Vigia:Tak:Udp:Enabled=true", "--Vigia:Tak:Udp:Address=127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"--Vigia:Tak:Udp:Port={cot.Port}"),
            "--Logging:LogLevel:Default=Warning",
        ];
        arguments.AddRange(settings.ServerArguments);
        progress.WriteLine("bench: starting vigia serve (SQLite journal, TAK UDP to 127.0.0.1) ...");
        var server = await BenchServer.StartAsync(new BenchSettings { ServerArguments = arguments }, runId, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            using var sensors = await BenchSensors.RegisterAsync(server, runId, cancellationToken).ConfigureAwait(false);
            var scenario = new AlertsScenario(BenchSettings.Origin, settings.IntruderIntervalSeconds);
            using (var admin = new VigiaApiClient(server.Address, server.AdminKey))
            {
                await admin.CreateMissingZonesAsync(ZoneGeoJson.Write(scenario.Zones()), cancellationToken).ConfigureAwait(false);
            }

            webhooks.UseSecret(await RegisterWebhookAsync(server, webhooks.Url, runId, cancellationToken).ConfigureAwait(false));
            var cap = new CapPoller(server, arrivals, TimeSpan.FromMilliseconds(settings.CapPollMilliseconds), TimeSpan.FromMilliseconds(settings.CapFeedMilliseconds));
            await using var capScope = cap.ConfigureAwait(false);
            var steps = await StepTimes.OpenAsync(server, cancellationToken).ConfigureAwait(false);
            await using var stepsScope = steps.ConfigureAwait(false);
            var before = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {settings.ObservationsPerSecond:N0} observations/s for {settings.Seconds:F0} s, an intruder every {settings.IntruderIntervalSeconds:F1} s into each of {AlertsScenario.ZoneCount} zones ..."));
            var load = await new AlertsLoad(settings, sensors, new TargetField(BenchSettings.Origin), scenario, runId).RunAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
            var after = await Metrics.ScrapeAsync(server, cancellationToken).ConfigureAwait(false);
            var deliveries = new AlertsReport.Deliveries(webhooks.Verified, webhooks.Rejected, cot.Datagrams, cot.Alerts, cap.Requests, cap.Failures);
            return new AlertsReport(settings, load, arrivals.Versions(), steps.Snapshot(), deliveries, ServerFigures.From(before, after), after.Histogram("vigia_alerts_latency_milliseconds", before));
        }
    }

    /// <summary>Registers the receiver as a webhook endpoint (admin key); returns its <c>whsec_</c> secret.</summary>
    private static async Task<string> RegisterWebhookAsync(BenchServer server, Uri url, string runId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminKey);
        var request = new Dictionary<string, string> { ["id"] = "bench-" + runId, ["url"] = url.AbsoluteUri, ["description"] = "vigia bench alerts receiver" };
        using var response = await http.PostAsJsonAsync(new Uri("api/v1/webhooks", UriKind.Relative), request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiFailureException($"registering the webhook endpoint: {(int)response.StatusCode} {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("secret").GetString() ?? throw new ApiFailureException("registering the webhook endpoint: no secret in the answer");
    }
}
