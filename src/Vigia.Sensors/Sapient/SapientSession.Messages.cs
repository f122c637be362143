using SapientMessage = SapientMsg.BsiFlex335V20.SapientMessage;
using StatusReport = SapientMsg.BsiFlex335V20.StatusReport;
using Vigia.Core.Geodesy;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Sensors.Sapient;

/// <summary>What the fusion node does with each kind of valid message from a node.</summary>
internal sealed partial class SapientSession
{
    private Task DispatchAsync(SapientMessage message, CancellationToken token)
    {
        switch (message.ContentCase)
        {
            case SapientMessage.ContentOneofCase.Registration:
                return RegisterAsync(message, token);
            case SapientMessage.ContentOneofCase.StatusReport:
                ApplyStatus(message.StatusReport);
                return Task.CompletedTask;
            case SapientMessage.ContentOneofCase.DetectionReport:
                Detect(message);
                return Task.CompletedTask;
            case SapientMessage.ContentOneofCase.Alert:
                return AlertAsync(message, token);
            default:
                // Task, RegistrationAck, AlertAck, TaskAck and Error: nothing a fusion node acts on from a child yet.
                context.Counters.Ignored();
                _node?.MessageArrived(context.Now);
                return Task.CompletedTask;
        }
    }

    private async Task RegisterAsync(SapientMessage message, CancellationToken token)
    {
        var version = message.Registration.IcdVersion;
        if (!SapientIcdVersion.IsSupported(version))
        {
            context.Counters.RegistrationRefused();
            context.Counters.Reject(nameof(SapientRule.UnsupportedIcdVersion));
            await SendAsync(
                SapientReplies.RegistrationAck(
                    Options.FusionNodeId, message.NodeId, false, version, context.UtcNow,
                    $"ICD version \"{version}\" is not supported; this fusion node implements {SapientIcdVersion.BsiFlex335V20}"),
                token);
            return;
        }

        if (Options.AdmitNode?.Invoke(message.NodeId) is { } refusal)
        {
            context.Counters.RegistrationRefused();
            context.Counters.Reject("NodeNotAdmitted");
            await SendAsync(SapientReplies.RegistrationAck(Options.FusionNodeId, message.NodeId, false, version, context.UtcNow, refusal), token);
            return;
        }

        var node = context.Nodes.GetOrAdd(message.NodeId);
        if (node.Register(Id, TakeOver, _remoteEndPoint, message, context.Now) is { } closeDisplaced)
        {
            // The same node_id on a new connection: the node came back (reboot, new link) before the old connection
            // was seen to die. The newest registration wins; the old connection is closed.
            closeDisplaced();
        }

        _node = node;
        _conversation.Register(message);
        _registrationTimer?.TryReset();

        // A node that reports less often than the idle timeout is given a few of its own intervals.
        var interval = TimeSpan.FromSeconds(node.Snapshot(context.Now, Options).StatusIntervalSeconds * Options.HeartbeatLostFactor);
        _idleLimit = interval > Options.IdleTimeout ? interval : Options.IdleTimeout;
        _idleTimer?.CancelAfter(_idleLimit);
        context.Counters.Registration();
        await SendAsync(SapientReplies.RegistrationAck(Options.FusionNodeId, message.NodeId, true, version, context.UtcNow), token);
        Publish(SapientNodeEventKind.Registered, node);
    }

    private void ApplyStatus(StatusReport report)
    {
        var node = _node!;
        var now = context.Now;
        context.Counters.StatusReport();
        node.MessageArrived(now);
        GeoPosition? location = null;
        SapientNodeFrame? frame = null;
        if (report.NodeLocation is { } reported)
        {
            var fault = SapientLocations.TryConvert(reported, Options, out var position, out _);
            if (fault == SapientDetectionFault.None)
            {
                location = position;
                frame = Options.PictureFrame is { } picture ? SapientNodeFrame.Create(position, picture) : null;
            }
            else
            {
                context.Counters.Reject("NodeLocation" + fault);
            }
        }

        var before = node.Snapshot(now, Options);
        node.ApplyStatus(report, location, frame, now);
        var after = node.Snapshot(now, Options);
        if (before.Health != after.Health || before.System != after.System)
        {
            Publish(SapientNodeEventKind.HealthChanged, node, after);
        }
    }

    private void Detect(SapientMessage message)
    {
        var node = _node!;
        var now = context.Now;
        node.MessageArrived(now);
        var fault = SapientObservationMapper.TryMap(message, node.Frame, Options, node.Sensor, now, out var observation);
        if (fault != SapientDetectionFault.None)
        {
            context.Counters.DetectionUnmapped();
            context.Counters.Reject(fault.ToString());
            node.Rejected(fault.ToString(), now);
            return;
        }

        context.Counters.Observation();
        node.Observed();
        var report = message.DetectionReport;
        context.Publish(new SapientDetection
        {
            NodeId = node.NodeId,
            Sensor = node.Sensor,
            ConnectionId = Id,
            ReceiveTime = now,
            Observation = observation,
            ReportId = report.ReportId,
            ObjectId = report.ObjectId,
            DetectionConfidence = report.HasDetectionConfidence ? report.DetectionConfidence : null,
            Classes = SapientObservationMapper.Classes(report),
        });
    }

    private async Task AlertAsync(SapientMessage message, CancellationToken token)
    {
        var node = _node!;
        var now = context.Now;
        var alert = message.Alert;
        node.MessageArrived(now);
        context.Counters.Alert();
        GeoPosition? position = null;
        if (alert.Location is { } location && SapientLocations.TryConvert(location, Options, out var converted, out _) == SapientDetectionFault.None)
        {
            position = converted;
        }

        context.Publish(new SapientAlertReceived
        {
            NodeId = node.NodeId,
            Sensor = node.Sensor,
            ConnectionId = Id,
            ReceiveTime = now,
            AlertId = alert.AlertId,
            AlertType = alert.AlertType,
            Status = alert.Status,
            Priority = alert.Priority,
            Description = alert.HasDescription ? alert.Description : null,
            Position = position,
            RegionId = alert.HasRegionId ? alert.RegionId : null,
            Confidence = alert.HasConfidence ? alert.Confidence : null,
            ObjectIds = [.. alert.AssociatedDetection.Select(d => d.ObjectId)],
            Message = alert,
        });
        await SendAsync(SapientReplies.AlertAck(Options.FusionNodeId, node.NodeId, alert.AlertId, context.UtcNow), token);
    }

    private void Publish(SapientNodeEventKind kind, SapientNodeRecord node, SapientNodeState? state = null)
    {
        var now = context.Now;
        context.Publish(new SapientNodeEvent
        {
            NodeId = node.NodeId,
            Sensor = node.Sensor,
            ConnectionId = Id,
            ReceiveTime = now,
            Kind = kind,
            State = state ?? node.Snapshot(now, Options),
        });
    }
}
