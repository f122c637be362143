using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Schema;
using Vigia.Core.Geodesy;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Server.Tests.Support;
using Vigia.Server.Threats;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests.Threats;

/// <summary>Radar plots over a protected zone → an alarm on the stream, in the API and in the journal; acknowledgement; restart.</summary>
public sealed class AlertsApiTests : IAsyncDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private readonly string _dataDirectory = Vigia.Testing.TestPaths.NewTempDirectory();

    private readonly List<VigiaServerFactory> _apps = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    private VigiaServerFactory Start(bool exercise = false, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        if (exercise)
        {
            settings["Vigia:Exercise"] = "true";
        }

        var app = new VigiaServerFactory(_dataDirectory, settings);
        _apps.Add(app);
        return app;
    }

    /// <summary>Where a plot at 1500 m, azimuth 60°, elevation 3° from the test radar lies.</summary>
    private static GeoPosition Target()
    {
        var frame = new LocalTangentPlane(VigiaServerFactory.RadarPosition);
        double range = 1500, az = 60 * Math.PI / 180, el = 3 * Math.PI / 180;
        return frame.ToGeodetic(new EnuVector(range * Math.Cos(el) * Math.Sin(az), range * Math.Cos(el) * Math.Cos(az), range * Math.Sin(el)));
    }

    private static async Task<(HttpClient Operator, SseReader Stream)> ZoneAndPlotsAsync(VigiaServerFactory app, string zoneId = "el-bejuco")
    {
        var radar = app.ClientWith(await app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition));
        var op = app.ClientWith(await app.AddKeyAsync("ana", ApiKeyRole.Operator));
        var target = Target();
        using (var zone = await op.PostAsync("/api/v1/zones", Content(ZonesApiTests.CircleZone(zoneId, target.LatitudeDegrees, target.LongitudeDegrees, 300)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        }

        var response = await op.GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        var stream = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await stream.WaitForAsync("snapshot", _ => true, Within);
        await Task.Delay(300, Ct); // the alert loop picks the zone up

        var t0 = DateTimeOffset.UtcNow.AddSeconds(-5);
        for (var k = 0; k < 5; k++)
        {
            using var r = await radar.PostAsync("/api/v1/observations", Content(Rae("radar-1", $"s-{k}", t0.AddSeconds(k), 1500, 60, 3)), Ct);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        return (op, stream);
    }

    [Fact]
    public async Task AnUnknownTrackInsideAZone_RaisesAnAlarm_ThatCanBeAcknowledged_AndSurvivesARestart()
    {
        var app = Start();
        var (op, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            var raised = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within)).RootElement;
            var alert = raised.GetProperty("alert");
            Assert.Equal(("alarm", "el-bejuco", false), (alert.GetProperty("level").GetString(), alert.GetProperty("zone_id").GetString(), alert.GetProperty("exercise").GetBoolean()));
            Assert.Equal(["INSIDE_ZONE", "NO_REMOTE_ID"], alert.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
            Assert.StartsWith("ALARMA: dron sobre Zona el-bejuco", alert.GetProperty("headline_es").GetString(), StringComparison.Ordinal);
            var id = alert.GetProperty("id").GetString()!;

            var standing = await op.GetFromJsonAsync<JsonElement>("/api/v1/alerts", Ct);
            Assert.Equal(id, Assert.Single(standing.EnumerateArray().ToList()).GetProperty("id").GetString());

            using (var ack = await op.PostAsync($"/api/v1/alerts/{id}/acknowledge", Content("{}"), Ct))
            {
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
                var acked = await ack.Content.ReadFromJsonAsync<JsonElement>(Ct);
                Assert.Equal(("ana", 2), (acked.GetProperty("acknowledged_by").GetString(), acked.GetProperty("version").GetInt32()));
            }

            using (var again = await op.PostAsync($"/api/v1/alerts/{id}/acknowledge", Content("{}"), Ct))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsync("/api/v1/alerts/nope/acknowledge", Content("{}"), Ct)).StatusCode);
            await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"acknowledged\"", StringComparison.Ordinal), Within);

            var history = await op.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}", Ct);
            Assert.Equal(["raised", "acknowledged"], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("change").GetString()));

            await app.DisposeAsync();
            _apps.Remove(app);

            // Restart on the same journal: the standing alert is back, acknowledged, without a second raise.
            var restarted = Start();
            using var op2 = restarted.ClientWith(await restarted.AddKeyAsync("luis", ApiKeyRole.Operator));
            var after = await op2.GetFromJsonAsync<JsonElement>("/api/v1/alerts", Ct);
            var back = Assert.Single(after.EnumerateArray().ToList());
            Assert.Equal((id, "ana"), (back.GetProperty("id").GetString(), back.GetProperty("acknowledged_by").GetString()));
            var journalled = await op2.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}", Ct);
            Assert.Single(journalled.GetProperty("versions").EnumerateArray(), v => v.GetProperty("change").GetString() == "raised");
        }
    }

    [Fact]
    public async Task AReplayOfThePeriod_ShowsTheJournalledAlert_MarkedReplay_AndIssuesNothing()
    {
        var app = Start();
        var (op, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            var alert = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within)).RootElement.GetProperty("alert");
            var id = alert.GetProperty("id").GetString()!;
            var raisedAt = alert.GetProperty("updated_at").GetDateTimeOffset();

            // A replay of the minute around the raise, as fast as possible: once it has finished, a viewer
            // connecting to its stream sees the alert standing there, as a replay.
            var body = $$"""{"from":"{{Time(raisedAt.AddSeconds(-30))}}","to":"{{Time(raisedAt.AddSeconds(30))}}","speed":0}""";
            using var created = await op.PostAsync("/api/v1/replays", Content(body), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var session = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
            for (var i = 0; i < 100 && (await op.GetFromJsonAsync<JsonElement>($"/api/v1/replays/{session}", Ct)).GetProperty("state").GetString() != "finished"; i++)
            {
                await Task.Delay(100, Ct);
            }

            var response = await op.GetAsync($"/api/v1/replays/{session}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
            using var replay = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
            var shown = JsonDocument.Parse(await replay.WaitForAsync("alerts", _ => true, Within)).RootElement;
            Assert.Equal("replay", shown.GetProperty("mode").GetString());
            Assert.Equal(id, Assert.Single(shown.GetProperty("alerts").EnumerateArray().ToList()).GetProperty("id").GetString());

            // Nothing was issued again: the journal still holds the one raise, and the live stream carries no replay.
            var history = await op.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}", Ct);
            Assert.Equal(["raised"], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("change").GetString()));
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                while (await stream.NextAsync(quiet.Token) is { } e)
                {
                    Assert.DoesNotContain("\"mode\":\"replay\"", e.Data, StringComparison.Ordinal);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task EveryAlertVersion_IsAValidCapMessage_InTheFeed_AndUpdatesReferenceTheirPredecessors()
    {
        var app = Start(exercise: true);
        var (op, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            var raised = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within)).RootElement;
            var id = raised.GetProperty("alert").GetProperty("id").GetString()!;
            (await op.PostAsync($"/api/v1/alerts/{id}/acknowledge", Content("{}"), Ct)).Dispose();

            using var anonymous = app.ClientWith(null);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/cap/feed.atom", Ct)).StatusCode);

            var feed = System.Xml.Linq.XDocument.Parse(await op.GetStringAsync("/cap/feed.atom", Ct));
            System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
            var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
            var href = entry.Element(atom + "link")!.Attribute("href")!.Value;
            Assert.EndsWith($"/cap/vigia-{id}-2.xml", href, StringComparison.Ordinal);

            var schemas = new XmlSchemaSet();
            schemas.Add("urn:oasis:names:tc:emergency:cap:1.2", Vigia.Testing.TestPaths.SharedData("cap", "CAP-v1.2.xsd"));
            var earlier = new List<Vigia.Alerting.Cap.CapReference>();
            foreach (var version in new[] { 1, 2 })
            {
                using var response = await op.GetAsync($"/cap/vigia-{id}-{version}.xml", Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/cap+xml", response.Content.Headers.ContentType!.MediaType);
                var xml = await response.Content.ReadAsStringAsync(Ct);
                var result = Vigia.Alerting.Cap.CapValidator.Validate(xml, earlier);
                Assert.True(result.IsValid, result.ToString());
                var document = System.Xml.Linq.XDocument.Parse(xml);
                document.Validate(schemas, (_, e) => Assert.Fail($"v{version}: {e.Message}"));
                System.Xml.Linq.XNamespace cap = "urn:oasis:names:tc:emergency:cap:1.2";
                Assert.Equal(("Exercise", version == 1 ? "Alert" : "Update"), (document.Root!.Element(cap + "status")!.Value, document.Root.Element(cap + "msgType")!.Value));
                Assert.Equal(["es-MX", "en-US"], document.Root.Elements(cap + "info").Select(i => i.Element(cap + "language")!.Value));
                earlier.Add(new Vigia.Alerting.Cap.CapReference(
                    document.Root.Element(cap + "sender")!.Value, document.Root.Element(cap + "identifier")!.Value,
                    DateTimeOffset.Parse(document.Root.Element(cap + "sent")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                    document.Root.Element(cap + "sent")!.Value));
            }

            Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/cap/vigia-{id}-9.xml", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/cap/nonsense.xml", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task TheCapFeedAndMessages_AreBuiltOnceAndServedFromMemory_UntilAnAlertChanges()
    {
        var app = Start();
        var (op, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            var raised = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within)).RootElement;
            var id = raised.GetProperty("alert").GetProperty("id").GetString()!;
            var cache = app.Services.GetRequiredService<CapCache>();

            // Many readers of the feed and of the message: one feed build, one history read.
            var feeds = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => op.GetStringAsync("/cap/feed.atom", Ct)));
            var messages = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => op.GetStringAsync($"/cap/vigia-{id}-1.xml", Ct)));
            for (var k = 0; k < 20; k++)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/cap/vigia-{id}-2.xml", Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/cap/vigia-nobody-1.xml", Ct)).StatusCode);
            }

            Assert.All(feeds, f => Assert.Contains($"vigia-{id}-1.xml", f, StringComparison.Ordinal));
            Assert.Single(messages.Distinct(StringComparer.Ordinal));
            Assert.Equal(1, cache.FeedBuilds);
            Assert.InRange(cache.HistoryReads, 1, 3); // the alert's (once), and an unknown id's (once, then remembered)

            // An alert change (the acknowledgement makes version 2) is in the next feed and message at once.
            (await op.PostAsync($"/api/v1/alerts/{id}/acknowledge", Content("{}"), Ct)).Dispose();
            Assert.Contains($"vigia-{id}-2.xml", await op.GetStringAsync("/cap/feed.atom", Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/cap/vigia-{id}-2.xml", Ct)).StatusCode);
            Assert.Equal(2, cache.FeedBuilds);
        }
    }

    [Fact]
    public async Task ALongLivedAlert_OfAZoneWhoseIdNeedsEscaping_HasEveryCapVersionServed_FromABoundedCache()
    {
        var app = Start();
        var (op, stream) = await ZoneAndPlotsAsync(app, "escuela josé");
        using (stream)
        {
            var raised = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within)).RootElement;
            var id = raised.GetProperty("alert").GetProperty("id").GetString()!;
            Assert.StartsWith("escuela josé-", id, StringComparison.Ordinal);
            var escaped = Vigia.Alerting.Cap.CapTokens.Escape(id);
            var first = await op.GetAsync($"/cap/vigia-{escaped}-1.xml", Ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains($"<identifier>vigia-{escaped}-1</identifier>", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            // A standing alert re-issued every 150 s has hundreds of versions a day, each message referencing all
            // earlier ones: journal 60 versions of one more alert of the same zone and ask for every message.
            var store = app.Services.GetRequiredService<Vigia.Storage.Alerts.IAlertStore>();
            var cache = app.Services.GetRequiredService<CapCache>();
            var template = AlertJournalOutput.FromRecord((await store.ReadAlertEventsAsync(id, null, null, 10, Ct))[0]);
            var longLived = template with { Id = id + "-largo" };
            const int Versions = 60;
            await store.AppendAlertEventsAsync(
                [.. Enumerable.Range(1, Versions).Select(v => AlertJournalOutput.ToRecord(new Vigia.Alerting.Alerts.AlertEvent(
                    v == 1 ? Vigia.Alerting.Alerts.AlertChange.Raised : Vigia.Alerting.Alerts.AlertChange.Updated,
                    longLived with { Version = v, UpdatedAt = template.UpdatedAt.AddSeconds(v) })))],
                Ct);
            var reads = cache.HistoryReads;
            var schemas = new XmlSchemaSet();
            schemas.Add("urn:oasis:names:tc:emergency:cap:1.2", Vigia.Testing.TestPaths.SharedData("cap", "CAP-v1.2.xsd"));
            var earlier = new List<Vigia.Alerting.Cap.CapReference>();
            var escapedLong = Vigia.Alerting.Cap.CapTokens.Escape(longLived.Id);
            foreach (var version in new[] { Versions }.Concat(Enumerable.Range(1, Versions)))
            {
                var xml = await op.GetStringAsync($"/cap/vigia-{escapedLong}-{version}.xml", Ct);
                var document = System.Xml.Linq.XDocument.Parse(xml);
                document.Validate(schemas, (_, e) => Assert.Fail($"v{version}: {e.Message}"));
                if (version == Versions && earlier.Count == 0)
                {
                    continue; // asked first, before the loop over every version; checked again in order below
                }

                var result = Vigia.Alerting.Cap.CapValidator.Validate(xml, earlier);
                Assert.True(result.IsValid, $"v{version}: {result}");
                System.Xml.Linq.XNamespace cap = "urn:oasis:names:tc:emergency:cap:1.2";
                earlier.Add(new Vigia.Alerting.Cap.CapReference(
                    document.Root!.Element(cap + "sender")!.Value, document.Root.Element(cap + "identifier")!.Value,
                    DateTimeOffset.Parse(document.Root.Element(cap + "sent")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                    document.Root.Element(cap + "sent")!.Value));
            }

            Assert.Equal(Versions, earlier.Count);
            Assert.Equal(reads + 1, cache.HistoryReads); // one journal read for the 60 versions
            Assert.InRange(cache.MessagesHeld, 1, 2 * (1 + CapCache.OlderMessagesKept)); // not 60: the rest are built when asked for
            Assert.Contains($"vigia-{escapedLong}-{Versions}.xml", await op.GetStringAsync("/cap/feed.atom", Ct), StringComparison.Ordinal);

            // An identifier no alert id escapes to is refused without reading the journal.
            reads = cache.HistoryReads;
            Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/cap/vigia-escuela~c3a9-1.xml", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/cap/vigia-~41-1.xml", Ct)).StatusCode);
            Assert.Equal(reads, cache.HistoryReads);
        }
    }

    [Fact]
    public async Task TakOverLoopbackUdp_GetsTheTrackAsAnUnknownRotaryUav_AndTheGeofenceBreach()
    {
        using var tak = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)tak.Client.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var app = Start(settings: new Dictionary<string, string?>
        {
            ["Vigia:Tak:Udp:Enabled"] = "true",
            ["Vigia:Tak:Udp:Address"] = "127.0.0.1",
            ["Vigia:Tak:Udp:Port"] = port,
            ["Vigia:Tak:Udp:Ttl"] = "0",
        });
        var (_, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            var types = new HashSet<string>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(Within);
            while (!(types.Contains("a-u-A-M-H-Q") && types.Contains("b-a-g")))
            {
                var datagram = await tak.ReceiveAsync(timeout.Token);
                var cot = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(datagram.Buffer)).Root!;
                Assert.Equal("event", cot.Name.LocalName);
                var type = cot.Attribute("type")!.Value;
                Assert.DoesNotMatch("^a-[fh]-", type);
                types.Add(type);
            }
        }
    }

    [Fact]
    public async Task AWebhookEndpoint_ReceivesTheAlertSignedAndMarkedAsAnExercise()
    {
        await using var receiver = await Vigia.Server.Tests.Outputs.Webhooks.WebhookReceiver.StartAsync(Vigia.Alerting.Webhooks.WebhookSecret.Generate());
        var app = Start(exercise: true);
        using var admin = app.ClientWith(await app.AddKeyAsync("root", ApiKeyRole.Admin));
        string secret;
        using (var created = await admin.PostAsync("/api/v1/webhooks", Content($$"""{"id":"proteccion-civil","url":"{{receiver.Url}}","min_level":"warning"}"""), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString()!;
        }

        var (_, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            await receiver.WaitForAsync(1, Within);
            var delivery = receiver.Received.First();
            var verified = Vigia.Alerting.Webhooks.WebhookVerifier.Verify(
                Vigia.Alerting.Webhooks.WebhookSecret.Parse(secret), delivery.Id, delivery.Timestamp, delivery.Signature, delivery.Body, DateTimeOffset.UtcNow);
            Assert.True(verified.IsValid, verified.Detail);
            var body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal("alert.raised", body.GetProperty("type").GetString());
            Assert.Contains("\"exercise\":true", System.Text.Encoding.UTF8.GetString(delivery.Body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnExerciseServer_MarksEveryAlertAsAnExercise_AndTheAlertLatencyIsMeasured()
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "vigia.alerts.latency")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => latencies.Add(value));
        listener.Start();

        var app = Start(exercise: true);
        var (_, stream) = await ZoneAndPlotsAsync(app);
        using (stream)
        {
            var raised = JsonDocument.Parse(await stream.WaitForAsync("alert", d => d.Contains("\"change\":\"raised\"", StringComparison.Ordinal), Within)).RootElement;

            // The latency is recorded once every output has had the change, which may be just after the stream's.
            for (var i = 0; i < 50 && latencies.IsEmpty; i++)
            {
                await Task.Delay(100, Ct);
            }

            Assert.NotEmpty(latencies);
            Assert.All(latencies, ms => Assert.InRange(ms, 0, Within.TotalMilliseconds));
            Assert.True(raised.GetProperty("alert").GetProperty("exercise").GetBoolean());
            Assert.StartsWith("EJERCICIO — ALARMA", raised.GetProperty("alert").GetProperty("headline_es").GetString(), StringComparison.Ordinal);
        }
    }
}
