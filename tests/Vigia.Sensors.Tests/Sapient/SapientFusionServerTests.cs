using SapientMsg.BsiFlex335V20;
using Vigia.Core.Observations;
using Vigia.Sensors.Sapient;
using Task = System.Threading.Tasks.Task;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>The fusion node over real loopback TCP: registration, detections to observations, alerts, replies.</summary>
public sealed class SapientFusionServerTests
{
    [Fact]
    public async Task Registration_IsAcknowledgedWithTheAnnouncedIcdVersionAndRaisesAnEvent()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);

        var ack = await node.RegisterAsync(SapientMessages.Registration());
        var registered = await server.NextAsync<SapientNodeEvent>();

        Assert.True(ack.RegistrationAck.Acceptance);
        Assert.Empty(ack.RegistrationAck.AckResponseReason);
        Assert.Equal(SapientMessages.FusionNodeId, ack.NodeId);
        Assert.Equal(SapientMessages.RadarNodeId, ack.DestinationId);
        Assert.Equal("icd_version=BSI Flex 335 v2.0", ack.AdditionalInformation);
        Assert.Equal(SapientNodeEventKind.Registered, registered.Kind);
        Assert.Equal("BSI Flex 335 v2.0", registered.State.IcdVersion);
        Assert.Equal(["NODE_TYPE_RADAR"], registered.State.NodeTypes);
        Assert.Equal("Test radar north", registered.State.Name);
        Assert.Equal(5, registered.State.StatusIntervalSeconds);
    }

    [Fact]
    public async Task Detection_ComesOutAsAGeodeticObservationWithItsClassification()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());
        await node.SendAsync(SapientMessages.Status());

        await node.SendAsync(SapientMessages.Detection());
        var detection = await server.NextAsync<SapientDetection>();

        var observation = detection.Observation;
        var measurement = observation.Measurement;
        Assert.Equal(new SensorId("sapient:" + SapientMessages.RadarNodeId), observation.Sensor);
        Assert.Equal(DateTimeOffset.Parse("2026-01-15T18:30:06.5Z", System.Globalization.CultureInfo.InvariantCulture), observation.SensorTime.ToDateTimeOffset());
        Assert.Equal(MeasurementKind.GeodeticPosition, measurement.Kind);
        Assert.Equal(19.1987, measurement.V0);
        Assert.Equal(-102.8431, measurement.V1);
        Assert.Equal(520.0, measurement.V2);
        Assert.Equal(15.0 * 15.0, measurement.Covariance.M11);
        Assert.Equal(25.0 * 25.0, measurement.Covariance.M33);
        Assert.Equal(ObservationFault.None, measurement.Validate());
        Assert.Null(observation.UasId);
        Assert.Equal("01KF1EQV22QJ4J7E61X4WJ8NPY", detection.ObjectId);
        Assert.Equal(0.9, detection.DetectionConfidence!.Value, 6);
        Assert.Equal(new SapientClass("UAV Rotary Wing", 1, 0.8f, "Air Vehicle"), detection.FindClass("uav rotary wing"));
        Assert.Equal(["Air Vehicle", "UAV Rotary Wing", "Commercial"], detection.Classes.Select(c => c.Type));
        Assert.Equal(1, server.GetCounters().Observations);
    }

    [Fact]
    public async Task ManyDetections_ComeOutInOrder()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());

        for (var i = 0; i < 50; i++)
        {
            await node.SendAsync(SapientMessages.Detection(laterSeconds: i));
        }

        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            times.Add((await server.NextAsync<SapientDetection>()).Observation.SensorTime.UnixSeconds);
        }

        Assert.Equal(times.Order(), times);
        Assert.Equal(49, times[^1] - times[0], 6);
    }

    [Fact]
    public async Task Alert_IsSurfacedAsAnEventAndAcknowledged()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());

        await node.SendAsync(SapientMessages.Alert());
        var alert = await server.NextAsync<SapientAlertReceived>();
        var ack = await node.ReadAsync();

        Assert.Equal("01KF1EQV23QPEATF1DDMD3T7X7", alert.AlertId);
        Assert.Equal(Alert.Types.AlertType.Warning, alert.AlertType);
        Assert.Equal(Alert.Types.AlertStatus.Active, alert.Status);
        Assert.Equal(Alert.Types.DiscretePriority.High, alert.Priority);
        Assert.Equal("UAV entered protected zone 'Escuela'", alert.Description);
        Assert.Equal(19.1987, alert.Position!.Value.LatitudeDegrees);
        Assert.Equal(["01KF1EQV22QJ4J7E61X4WJ8NPY"], alert.ObjectIds);
        Assert.Equal("01KF1EQV23QPEATF1DDMD3T7X7", ack.AlertAck.AlertId);
        Assert.Equal(AlertAck.Types.AlertAckStatus.Accepted, ack.AlertAck.AlertAckStatus);
        Assert.Equal(SapientMessages.RadarNodeId, ack.DestinationId);
    }

    [Fact]
    public async Task DetectionBeforeRegistration_IsAnsweredWithAnErrorNamingTheRule()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);

        await node.SendAsync(SapientMessages.Detection());
        var reply = await node.ReadAsync();

        Assert.Equal("NotRegistered at detection_report: a node must register before it sends anything else", Assert.Single(reply.Error.ErrorMessage));
        Assert.False(reply.Error.Packet.IsEmpty);
        var counters = server.GetCounters();
        Assert.Equal(1, counters.InvalidMessages);
        Assert.Equal(1, counters.Rejections["NotRegistered"]);
        Assert.Equal(0, counters.Observations);
    }

    [Fact]
    public async Task InvalidMessage_IsAnsweredAndTheConnectionCarriesOn()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());
        var bad = SapientMessages.Detection();
        bad.DetectionReport.ObjectId = "AAA";

        await node.SendAsync(bad);
        var reply = await node.ReadAsync();
        await node.SendAsync(SapientMessages.Detection());
        var detection = await server.NextAsync<SapientDetection>();

        Assert.Equal("InvalidUlid at detection_report.object_id: is not a ULID (26 Crockford base-32 characters)", Assert.Single(reply.Error.ErrorMessage));
        Assert.Equal(SapientMessages.RadarNodeId, reply.DestinationId);
        Assert.Equal("01KF1EQV22QJ4J7E61X4WJ8NPY", detection.ObjectId);
        Assert.Equal(1, server.GetCounters().Rejections["InvalidUlid"]);
        var state = Assert.Single(server.GetNodes());
        Assert.Equal((1, 1, "InvalidUlid"), (state.Rejected, state.Observations, state.LastRejection));
        Assert.NotNull(state.LastRejectedAt);
    }

    [Fact]
    public async Task RegistrationWithAnotherIcdVersion_IsRefusedWithTheReason()
    {
        await using var server = SapientServerFixture.Start();
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        var registration = SapientMessages.Registration();
        registration.Registration.IcdVersion = "BSI Flex 335 v1.0";

        var ack = await node.RegisterAsync(registration);

        Assert.False(ack.RegistrationAck.Acceptance);
        Assert.Equal("icd_version=BSI Flex 335 v1.0", ack.AdditionalInformation);
        Assert.Contains("not supported", Assert.Single(ack.RegistrationAck.AckResponseReason), StringComparison.Ordinal);
        Assert.Equal(1, server.GetCounters().RegistrationsRefused);
        Assert.Empty(server.GetNodes());
    }

    [Fact]
    public async Task SameNodeIdOnANewConnection_TakesTheNodeOverAndClosesTheOldConnection()
    {
        // A node that lost power or its link and comes back from a new port, while its old connection is still
        // half-open as far as the server knows: the newest registration wins.
        await using var server = SapientServerFixture.Start();
        await using var first = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await using var second = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        var firstAck = await first.RegisterAsync(SapientMessages.Registration());
        await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.Registered);

        var secondAck = await second.RegisterAsync(SapientMessages.Registration());
        var again = await server.NextAsync<SapientNodeEvent>(e => e.Kind == SapientNodeEventKind.Registered);

        Assert.True(firstAck.RegistrationAck.Acceptance);
        Assert.True(secondAck.RegistrationAck.Acceptance);
        Assert.Equal(2, again.ConnectionId);
        Assert.True(await first.IsClosedByServerAsync());
        var counters = await server.CountersWhenAsync(c => c.ActiveConnections == 1);
        Assert.Equal(1, counters.Rejections["TakenOver"]);
        Assert.Equal(0, counters.RegistrationsRefused);

        // The old connection's close leaves the node connected on the new one, which carries on.
        await second.SendAsync(SapientMessages.Detection());
        Assert.Equal(2, (await server.NextAsync<SapientDetection>()).ConnectionId);
        var node = Assert.Single(server.GetNodes());
        Assert.Equal((2L, true), (node.ConnectionId, node.Connected));
    }
}
