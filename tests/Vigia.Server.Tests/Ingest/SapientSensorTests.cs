using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Server.Tests.Ingest;

/// <summary>A SAPIENT node over real loopback TCP, and what <c>/api/v1/sensors</c> shows of it.</summary>
public sealed class SapientSensorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<JsonElement> NodeEntryAsync(HttpClient viewer, string sensor, Func<JsonElement, bool> ready)
    {
        JsonElement entry = default;
        for (var i = 0; i < 100; i++)
        {
            var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
            entry = sensors.EnumerateArray().FirstOrDefault(s => s.GetProperty("id").GetString() == sensor);
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("sapient", out var node) && ready(node))
            {
                return entry;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"{sensor} did not reach the expected state: {entry}");
        return entry;
    }

    [Fact]
    public async Task APortInUse_LeavesTheServerUp_SaysWhy_AndTheFusionNodeListensOnceItIsFree()
    {
        var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((System.Net.IPEndPoint)blocker.LocalEndpoint).Port;
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:Sapient:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Vigia:Sapient:BindAddress"] = "127.0.0.1",
        });
        using var anonymous = app.CreateClient();
        var service = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Vigia.Server.Ingest.SapientNodeService>().Single();

        for (var i = 0; i < 100 && service.Error is null; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Contains($"cannot listen on 127.0.0.1:{port}", service.Error, StringComparison.Ordinal);
        Assert.Null(service.Server);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/healthz", Ct)).StatusCode);

        // Freed: the next try (1 s, then 2 s, … apart) binds it, and a node can register.
        blocker.Stop();
        for (var i = 0; i < 100 && service.Server is null; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.NotNull(service.Server);
        Assert.Null(service.Error);
        using var node = await SapientNode.ConnectAsync(port, Ct);
        var registration = await node.RegisterAsync(Ct);
        Assert.False(string.IsNullOrEmpty(registration.NodeId));
    }

    [Fact]
    public async Task RegisteredNode_ShowsItsRegistrationHealthAndCounts_InTheSensorsApi()
    {
        var port = FreeTcpPort();
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:Sapient:Port"] = port.ToString(CultureInfo.InvariantCulture),
        });
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        using var node = await SapientNode.ConnectAsync(port, Ct);
        var registration = await node.RegisterAsync(Ct);
        var sensor = "sapient:" + registration.NodeId;

        // Registered, no heartbeat yet: degraded, nothing counted.
        var entry = await NodeEntryAsync(viewer, sensor, n => n.GetProperty("messages").GetInt64() >= 1);
        var registered = entry.GetProperty("sapient");
        Assert.Equal(("sapient", registration.NodeId, registration.Registration.IcdVersion), (entry.GetProperty("kind").GetString(), registered.GetProperty("node_id").GetString(), registered.GetProperty("icd_version").GetString()));
        Assert.Equal((true, "degraded", "no status report yet"), (registered.GetProperty("connected").GetBoolean(), registered.GetProperty("health").GetString(), registered.GetProperty("health_reason").GetString()));
        Assert.False(registered.TryGetProperty("system", out _));
        Assert.Equal(["NODE_TYPE_RADAR"], registered.GetProperty("node_types").EnumerateArray().Select(t => t.GetString()));

        // A heartbeat, one good detection and one with a malformed object id.
        var status = SapientNode.Golden("03_status_report_radar.frame.bin");
        status.Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await node.SendAsync(status, Ct);
        var detection = SapientNode.Golden("04_detection_report_uav.frame.bin");
        detection.Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await node.SendAsync(detection, Ct);
        var bad = detection.Clone();
        bad.DetectionReport.ReportId = "01KF1EQV217TRMCT2JAYYXCG8V";
        bad.DetectionReport.ObjectId = "not-an-object-id";
        await node.SendAsync(bad, Ct);

        var reported = (await NodeEntryAsync(viewer, sensor, n => n.GetProperty("rejected").GetInt64() == 1 && n.GetProperty("detections_accepted").GetInt64() == 1)).GetProperty("sapient");
        Assert.Equal(("up", "ok", "SYSTEM_OK", "Default"), (reported.GetProperty("health").GetString(), reported.GetProperty("health_reason").GetString(), reported.GetProperty("system").GetString(), reported.GetProperty("mode").GetString()));
        Assert.Equal("InvalidUlid", reported.GetProperty("last_rejection").GetString());
        Assert.True(reported.TryGetProperty("last_rejected_at", out _));
        Assert.InRange(reported.GetProperty("last_status_age_s").GetDouble(), 0, 30);
        Assert.Equal(3, reported.GetProperty("messages").GetInt64()); // the refused one is counted under rejected only

        // Gone: down, disconnected, counters kept.
        node.Dispose();
        var gone = (await NodeEntryAsync(viewer, sensor, n => !n.GetProperty("connected").GetBoolean())).GetProperty("sapient");
        Assert.Equal(("down", "disconnected", 1), (gone.GetProperty("health").GetString(), gone.GetProperty("health_reason").GetString(), gone.GetProperty("detections_accepted").GetInt64()));
    }
}
