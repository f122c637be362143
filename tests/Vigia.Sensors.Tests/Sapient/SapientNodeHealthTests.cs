using SapientMsg.BsiFlex335V20;
using Vigia.Core.Geodesy;
using Vigia.Sensors.Sapient;
using Task = System.Threading.Tasks.Task;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>Per-node health from registration, heartbeats (StatusReport) and the connection.</summary>
public sealed class SapientNodeHealthTests
{
    [Fact]
    public async Task Heartbeats_DriveHealthUpDegradedAndDownWithReasons()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-01-15T18:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId }, clock);
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());
        var registered = Single(server);

        await node.SendAsync(SapientMessages.Status());
        var up = await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.HealthChanged);
        clock.Advance(TimeSpan.FromSeconds(11));
        var late = Single(server);
        clock.Advance(TimeSpan.FromSeconds(15));
        var lost = Single(server);
        await node.SendAsync(SapientMessages.Status(system: StatusReport.Types.System.Warning));
        var warning = await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.HealthChanged);
        await node.SendAsync(SapientMessages.Status(system: StatusReport.Types.System.Goodbye));
        var goodbye = await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.HealthChanged);

        Assert.Equal((SapientNodeHealth.Degraded, "no status report yet"), (registered.Health, registered.HealthReason));
        Assert.Equal((SapientNodeHealth.Up, "ok", "SYSTEM_OK"), (up.State.Health, up.State.HealthReason, up.State.System));
        Assert.Equal(new GeoPosition(19.1923, -102.8512, 412.0), up.State.Location);
        Assert.Equal("Default", up.State.Mode);
        Assert.Equal((SapientNodeHealth.Degraded, "heartbeat late"), (late.Health, late.HealthReason));
        Assert.Equal((SapientNodeHealth.Down, "heartbeat lost"), (lost.Health, lost.HealthReason));
        Assert.Equal((SapientNodeHealth.Degraded, "node reports SYSTEM_WARNING"), (warning.State.Health, warning.State.HealthReason));
        Assert.Equal((SapientNodeHealth.Down, "node said goodbye"), (goodbye.State.Health, goodbye.State.HealthReason));
        Assert.Equal(3, server.GetCounters().StatusReports);
    }

    [Fact]
    public async Task ReconnectingNode_GetsItsRecordBackOnTheNewConnection()
    {
        await using var server = SapientServerFixture.Start();
        var first = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await first.RegisterAsync(SapientMessages.Registration());
        await first.DisposeAsync();
        await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.Disconnected);

        await using var second = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        var ack = await second.RegisterAsync(SapientMessages.Registration());
        var again = await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.Registered);

        Assert.True(ack.RegistrationAck.Acceptance);
        Assert.True(again.State.Connected);
        Assert.Equal(2, again.State.ConnectionId);
        Assert.Single(server.GetNodes());
    }

    private static SapientNodeState Single(SapientFusionServer server) => Assert.Single(server.GetNodes());
}
