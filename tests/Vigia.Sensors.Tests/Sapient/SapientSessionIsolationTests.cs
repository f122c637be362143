using System.Buffers.Binary;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient;
using Vigia.Sensors.Sapient;
using Task = System.Threading.Tasks.Task;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>One bad node never disturbs another: malformed input closes or answers only its own connection, and is counted.</summary>
public sealed class SapientSessionIsolationTests
{
    private const string OtherNodeId = "0b5e2a60-8f0e-4a43-9d1f-5c3f6f0c2b11";

    [Fact]
    public async Task OversizedLengthPrefix_ClosesOnlyThatConnectionWhileAGoodNodeCarriesOn()
    {
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId, MaxFrameLength = 64 * 1024 });
        await using var good = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await using var bad = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await good.RegisterAsync(SapientMessages.Registration());
        await bad.RegisterAsync(SapientMessages.Registration(OtherNodeId));
        var prefix = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, 64 * 1024 + 1);

        await good.SendAsync(SapientMessages.Detection(laterSeconds: 1));
        await bad.SendRawAsync([.. prefix, 0x0A, 0x0B]);
        var badError = await bad.ReadAsync();
        var badClosed = await bad.IsClosedByServerAsync();
        await good.SendAsync(SapientMessages.Detection(laterSeconds: 2));

        var events = await server.TakeAsync(3, e => e is SapientDetection || e is SapientNodeEvent { Kind: SapientNodeEventKind.Disconnected });
        var detections = events.OfType<SapientDetection>().ToArray();
        var (first, second) = (detections[0], detections[1]);
        var gone = Assert.Single(events.OfType<SapientNodeEvent>());
        Assert.True(badClosed);
        // The offset is the stream position of the bad prefix: right after the bad node's registration frame.
        var offset = SapientWriter.GetFrameLength(SapientMessages.Registration(OtherNodeId));
        Assert.Equal($"FrameTooLong at byte {offset} (length): expected 65536, got 65537", Assert.Single(badError.Error.ErrorMessage));
        Assert.Equal([SapientMessages.RadarNodeId, SapientMessages.RadarNodeId], new[] { first.NodeId, second.NodeId });
        Assert.Equal(1, second.Observation.SensorTime.SecondsSince(first.Observation.SensorTime), 6);
        Assert.Equal(OtherNodeId, gone.NodeId);
        var counters = await server.CountersWhenAsync(c => c.ActiveConnections == 1);
        Assert.Equal(1, counters.ClosedOnFramingError);
        Assert.Equal(1, counters.Rejections["FrameTooLong"]);
        var nodes = server.GetNodes();
        Assert.True(nodes.Single(n => n.NodeId == SapientMessages.RadarNodeId).Connected);
        Assert.Equal(SapientNodeHealth.Down, nodes.Single(n => n.NodeId == OtherNodeId).Health);
    }

    [Fact]
    public async Task UndecodableFrame_IsAnsweredWithItsOffsetAndTheNodeCarriesOn()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());

        // A frame of 3 bytes: node_id declares 5 bytes of text but only 1 follows.
        await node.SendRawAsync([0x03, 0x00, 0x00, 0x00, 0x12, 0x05, (byte)'a']);
        var reply = await node.ReadAsync();
        await node.SendAsync(SapientMessages.Detection());
        var detection = await server.NextAsync<SapientDetection>();

        Assert.Equal("LengthExceedsMessage at byte 1 (node_id): expected 1, got 5", Assert.Single(reply.Error.ErrorMessage));
        Assert.Equal(new byte[] { 0x12, 0x05, (byte)'a' }, reply.Error.Packet.ToByteArray());
        Assert.Equal(SapientMessages.RadarNodeId, detection.NodeId);
        Assert.Equal(1, server.GetCounters().DecodeErrors);
    }

    [Fact]
    public async Task TooManyInvalidMessagesInARow_CloseTheConnection()
    {
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId, MaxConsecutiveInvalidMessages = 3, ReplyWithErrors = false });
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);

        for (var i = 0; i < 3; i++)
        {
            await node.SendAsync(SapientMessages.Detection());
        }

        Assert.True(await node.IsClosedByServerAsync());
        var counters = await server.CountersWhenAsync(c => c.ActiveConnections == 0);
        Assert.Equal(3, counters.InvalidMessages);
        Assert.Equal(1, counters.ClosedByServer);
        Assert.Equal(1, counters.Rejections["TooManyInvalidMessages"]);
    }

    [Fact]
    public async Task NodeThatNeverRegisters_IsClosedAfterTheRegistrationTimeout()
    {
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId, RegistrationTimeout = TimeSpan.FromMilliseconds(200) });
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);

        Assert.True(await node.IsClosedByServerAsync());
        var counters = await server.CountersWhenAsync(c => c.ActiveConnections == 0);
        Assert.Equal(1, counters.Rejections["RegistrationTimeout"]);
    }

    [Fact]
    public async Task RegisteredNode_IsNotClosedByTheRegistrationTimeout()
    {
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId, RegistrationTimeout = TimeSpan.FromSeconds(1) });
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());

        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await node.SendAsync(SapientMessages.Detection());

        Assert.Equal(SapientMessages.RadarNodeId, (await server.NextAsync<SapientDetection>()).NodeId);
        Assert.Equal(0, server.GetCounters().ClosedByServer);
    }

    [Fact]
    public async Task RegisteredNodeThatFallsSilent_IsClosedAfterTheIdleTimeoutWhileATalkingOneStays()
    {
        // The idle limit of a registered node is the larger of IdleTimeout and HeartbeatLostFactor status
        // intervals: here 1 × 1 s (the shortest interval the server accepts).
        await using var server = SapientServerFixture.Start(new SapientServerOptions
        {
            FusionNodeId = SapientMessages.FusionNodeId,
            IdleTimeout = TimeSpan.FromMilliseconds(300),
            HeartbeatLateFactor = 1,
            HeartbeatLostFactor = 1,
        });
        await using var silent = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await using var talker = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await silent.RegisterAsync(OneSecondHeartbeat(SapientMessages.Registration()));
        await talker.RegisterAsync(OneSecondHeartbeat(SapientMessages.Registration(OtherNodeId)));
        var started = DateTime.UtcNow;

        var disconnected = server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.Disconnected);
        while (!disconnected.IsCompleted)
        {
            await talker.SendAsync(SapientMessages.Status(OtherNodeId));
            await Task.WhenAny(disconnected, Task.Delay(250, TestContext.Current.CancellationToken));
        }

        var gone = await disconnected;
        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 0.9, 30);
        Assert.Equal(SapientMessages.RadarNodeId, gone.NodeId);
        Assert.True(await silent.IsClosedByServerAsync());
        var counters = await server.CountersWhenAsync(c => c.ActiveConnections == 1);
        Assert.Equal(1, counters.Rejections["IdleTimeout"]);
        Assert.True(server.GetNodes().Single(n => n.NodeId == OtherNodeId).Connected);
    }

    private static SapientMessage OneSecondHeartbeat(SapientMessage registration)
    {
        registration.Registration.StatusDefinition.StatusInterval = new Registration.Types.Duration { Units = Registration.Types.TimeUnits.Milliseconds, Value = 200 };
        return registration;
    }

    [Fact]
    public async Task ConnectionsBeyondTheMaximum_AreRefusedAndCounted()
    {
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId, MaxConnections = 1 });
        await using var first = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await first.RegisterAsync(SapientMessages.Registration());

        await using var second = await SapientTestNode.ConnectAsync(server.LocalEndPoint);

        Assert.True(await second.IsClosedByServerAsync());
        var counters = await server.CountersWhenAsync(c => c.ConnectionsRefused == 1);
        Assert.Equal(1, counters.ActiveConnections);
    }

    [Fact]
    public async Task PeerClosingMidFrame_IsCountedAndTheNodeGoesDown()
    {
        await using var server = SapientServerFixture.Start();
        var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());

        await node.SendRawAsync([0x20, 0x00, 0x00, 0x00, 0x0A]);
        await node.DisposeAsync();

        var gone = await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.Disconnected);
        Assert.Equal(SapientNodeHealth.Down, gone.State.Health);
        Assert.Equal("disconnected", gone.State.HealthReason);
        var counters = await server.CountersWhenAsync(c => c.ActiveConnections == 0);
        Assert.Equal(1, counters.Rejections["TruncatedAtClose"]);
    }
}
