using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigia.Server.Ingest;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Server.Tests.Ingest;

/// <summary>Which SAPIENT nodes the fusion node admits: not revoked ones, at most MaxNodes, only the allow-listed when a list is set.</summary>
public sealed class SapientAdmissionTests
{
    private const string NodeA = "a1b2c3d4-0000-4000-8000-000000000001";
    private const string NodeB = "a1b2c3d4-0000-4000-8000-000000000002";
    private const string NodeC = "a1b2c3d4-0000-4000-8000-000000000003";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static (VigiaServerFactory App, int Port) Start(Dictionary<string, string?>? extra = null)
    {
        var port = FreeTcpPort();
        var settings = new Dictionary<string, string?>(extra ?? []) { ["Vigia:Sapient:Port"] = port.ToString(CultureInfo.InvariantCulture) };
        var app = new VigiaServerFactory(settings: settings);
        _ = app.Server; // start the host
        return (app, port);
    }

    private static async Task SendDetectionAsync(SapientNode node, string nodeId, int k)
    {
        var detection = SapientNode.Golden("04_detection_report_uav.frame.bin");
        detection.NodeId = nodeId;
        detection.Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        detection.DetectionReport.ReportId = $"01KF1EQV217TRMCT2JAYYXCG{k}V";
        await node.SendAsync(detection, Ct);
    }

    private static async Task<long> AcceptedAsync(HttpClient viewer, string sensor)
    {
        var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
        return sensors.EnumerateArray().Single(s => s.GetProperty("id").GetString() == sensor).GetProperty("accepted").GetInt64();
    }

    [Fact]
    public async Task ARevokedNode_HasItsDetectionsRefusedAndCounted_AndItsNextRegistrationRefused()
    {
        var (app, port) = Start();
        await using var _ = app;
        using var admin = app.ClientWith(await app.AddKeyAsync("root", ApiKeyRole.Admin));
        var service = app.Services.GetServices<IHostedService>().OfType<SapientNodeService>().Single();
        var sensor = "sapient:" + NodeA;
        using var node = await SapientNode.ConnectAsync(port, Ct);
        Assert.True((await node.RegisterAndAwaitAckAsync(NodeA, Ct)).Acceptance);
        await SendDetectionAsync(node, NodeA, 0);
        for (var i = 0; i < 100 && await AcceptedAsync(admin, sensor) < 1; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(1, await AcceptedAsync(admin, sensor));

        // Revoked while connected: what it sends next is refused, counted, and not tracked or journalled.
        using (var revoke = await admin.DeleteAsync($"/api/v1/sensors/{Uri.EscapeDataString(sensor)}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        for (var k = 1; k <= 3; k++)
        {
            await SendDetectionAsync(node, NodeA, k);
        }

        for (var i = 0; i < 100 && service.Refused < 3; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(3, service.Refused);
        Assert.Equal(1, await AcceptedAsync(admin, sensor));

        // Registering again (a reconnect) is answered with a refusal naming why.
        using var again = await SapientNode.ConnectAsync(port, Ct);
        var ack = await again.RegisterAndAwaitAckAsync(NodeA, Ct);
        Assert.False(ack.Acceptance);
        Assert.Contains("revoked", Assert.Single(ack.AckResponseReason), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewNodesBeyondMaxNodes_AreRefused_WhileKnownNodesStillRegister()
    {
        var (app, port) = Start(new() { ["Vigia:Sapient:MaxNodes"] = "2" });
        await using var _ = app;
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        using var a = await SapientNode.ConnectAsync(port, Ct);
        using var b = await SapientNode.ConnectAsync(port, Ct);
        using var c = await SapientNode.ConnectAsync(port, Ct);
        Assert.True((await a.RegisterAndAwaitAckAsync(NodeA, Ct)).Acceptance);
        Assert.True((await b.RegisterAndAwaitAckAsync(NodeB, Ct)).Acceptance);

        var refused = await c.RegisterAndAwaitAckAsync(NodeC, Ct);
        Assert.False(refused.Acceptance);
        Assert.Contains("Vigia:Sapient:MaxNodes", Assert.Single(refused.AckResponseReason), StringComparison.Ordinal);

        // A known node coming back is no new node.
        using var a2 = await SapientNode.ConnectAsync(port, Ct);
        Assert.True((await a2.RegisterAndAwaitAckAsync(NodeA, Ct)).Acceptance);
        var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
        Assert.Equal(["sapient:" + NodeA, "sapient:" + NodeB], sensors.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithAnAllowList_OnlyListedNodesRegister()
    {
        var (app, port) = Start(new() { ["Vigia:Sapient:AllowedNodeIds:0"] = NodeB.ToUpperInvariant() });
        await using var _ = app;
        using var a = await SapientNode.ConnectAsync(port, Ct);
        using var b = await SapientNode.ConnectAsync(port, Ct);

        var refused = await a.RegisterAndAwaitAckAsync(NodeA, Ct);
        Assert.True((await b.RegisterAndAwaitAckAsync(NodeB, Ct)).Acceptance);

        Assert.False(refused.Acceptance);
        Assert.Contains("Vigia:Sapient:AllowedNodeIds", Assert.Single(refused.AckResponseReason), StringComparison.Ordinal);
        Assert.Null(app.Services.GetRequiredService<Pipeline.SensorDirectory>().Find("sapient:" + NodeA));
    }
}
