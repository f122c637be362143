using SapientMsg.BsiFlex335V20;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>What the server knows about one node, updated by the connection it registered on.</summary>
/// <remarks>Thread-safety: every member locks; snapshots may be taken from any thread.</remarks>
internal sealed class SapientNodeRecord(string nodeId, SensorId sensor)
{
    /// <summary>Heartbeat intervals below this are raised to it, seconds, so that health does not flap on a zero interval.</summary>
    public const double MinimumStatusIntervalSeconds = 1;

    private readonly Lock _gate = new();
    private long _connectionId;
    private Action? _closeHolder;
    private string _remoteEndPoint = string.Empty;
    private SapientMessage? _registration;
    private Timestamp _registeredAt;
    private Timestamp _lastMessageAt;
    private Timestamp? _lastStatusAt;
    private StatusReport.Types.System? _system;
    private string? _mode;
    private GeoPosition? _location;
    private SapientNodeFrame? _frame;
    private bool _connected;
    private long _messages;
    private long _observations;
    private long _rejected;
    private string? _lastRejection;
    private Timestamp? _lastRejectedAt;

    public string NodeId { get; } = nodeId;

    public SensorId Sensor { get; } = sensor;

    /// <summary>The node's frame for range-bearing detections, once it reported its location and a picture frame is set.</summary>
    public SapientNodeFrame? Frame
    {
        get
        {
            lock (_gate)
            {
                return _frame;
            }
        }
    }

    /// <summary>
    /// Registers the node on <paramref name="connectionId"/>. A node_id can be held by one connection only: when
    /// another open connection holds it (a node that rebooted or lost its link and came back before the server
    /// noticed the old connection was dead), the new registration takes the node over and the old holder's
    /// <paramref name="closeConnection"/> is returned for the caller to run (outside this lock); otherwise null.
    /// </summary>
    public Action? Register(long connectionId, Action closeConnection, string remoteEndPoint, SapientMessage registration, Timestamp now)
    {
        lock (_gate)
        {
            Action? displaced = null;
            if (_connectionId != connectionId)
            {
                displaced = _connected ? _closeHolder : null;
                _messages = _observations = _rejected = 0;
                (_lastRejection, _lastRejectedAt) = (null, null);
            }

            (_connectionId, _closeHolder, _remoteEndPoint, _registration, _registeredAt, _lastMessageAt) = (connectionId, closeConnection, remoteEndPoint, registration, now, now);
            (_lastStatusAt, _system, _mode, _connected) = (null, null, null, true);
            _messages++;
            return displaced;
        }
    }

    public void MessageArrived(Timestamp now)
    {
        lock (_gate)
        {
            _messages++;
            _lastMessageAt = now;
        }
    }

    /// <summary>Counts a refused message or unmapped detection under <paramref name="reason"/> (a static code name).</summary>
    public void Rejected(string reason, Timestamp now)
    {
        lock (_gate)
        {
            _rejected++;
            (_lastRejection, _lastRejectedAt) = (reason, now);
        }
    }

    public void Observed()
    {
        lock (_gate)
        {
            _observations++;
        }
    }

    /// <summary>Records a status report; the location (if any) was converted by the caller.</summary>
    public void ApplyStatus(StatusReport report, GeoPosition? location, SapientNodeFrame? frame, Timestamp now)
    {
        lock (_gate)
        {
            (_lastStatusAt, _system, _mode) = (now, report.System, report.Mode);
            if (location is not null)
            {
                (_location, _frame) = (location, frame);
            }
        }
    }

    /// <summary>Marks the node disconnected if <paramref name="connectionId"/> still holds it; false when another connection took it over.</summary>
    public bool Disconnected(long connectionId)
    {
        lock (_gate)
        {
            if (_connectionId != connectionId)
            {
                return false;
            }

            (_connected, _closeHolder) = (false, null);
            return true;
        }
    }

    public SapientNodeState Snapshot(Timestamp now, SapientServerOptions options)
    {
        lock (_gate)
        {
            var registration = _registration?.Registration;
            var interval = StatusIntervalSeconds(registration);
            var (health, reason) = Health(now, interval, options);
            return new SapientNodeState
            {
                NodeId = NodeId,
                Sensor = Sensor,
                ConnectionId = _connectionId,
                RemoteEndPoint = _remoteEndPoint,
                IcdVersion = registration?.IcdVersion ?? string.Empty,
                Name = registration?.HasName == true ? registration.Name : null,
                ShortName = registration?.HasShortName == true ? registration.ShortName : null,
                NodeTypes = registration is null ? [] : [.. registration.NodeDefinition.Select(d => SapientEnumNames.Of(d.NodeType))],
                RegisteredAt = _registeredAt,
                LastMessageAt = _lastMessageAt,
                LastStatusAt = _lastStatusAt,
                StatusIntervalSeconds = interval,
                System = _system is { } system ? SapientEnumNames.Of(system) : null,
                Mode = _mode,
                Location = _location,
                Connected = _connected,
                Health = health,
                HealthReason = reason,
                Messages = _messages,
                Observations = _observations,
                Rejected = _rejected,
                LastRejection = _lastRejection,
                LastRejectedAt = _lastRejectedAt,
            };
        }
    }

    private (SapientNodeHealth Health, string Reason) Health(Timestamp now, double interval, SapientServerOptions options)
    {
        if (!_connected)
        {
            return (SapientNodeHealth.Down, "disconnected");
        }

        switch (_system)
        {
            case StatusReport.Types.System.Goodbye:
                return (SapientNodeHealth.Down, "node said goodbye");
            case StatusReport.Types.System.Error:
                return (SapientNodeHealth.Down, "node reports SYSTEM_ERROR");
        }

        var age = now.SecondsSince(_lastStatusAt ?? _registeredAt);
        if (age > options.HeartbeatLostFactor * interval)
        {
            return (SapientNodeHealth.Down, _lastStatusAt is null ? "no status report" : "heartbeat lost");
        }

        if (_lastStatusAt is null)
        {
            return (SapientNodeHealth.Degraded, "no status report yet");
        }

        if (age > options.HeartbeatLateFactor * interval)
        {
            return (SapientNodeHealth.Degraded, "heartbeat late");
        }

        return _system == StatusReport.Types.System.Warning ? (SapientNodeHealth.Degraded, "node reports SYSTEM_WARNING") : (SapientNodeHealth.Up, "ok");
    }

    private static double StatusIntervalSeconds(Registration? registration)
    {
        var duration = registration?.StatusDefinition?.StatusInterval;
        var seconds = duration is null ? 0 : duration.Value * duration.Units switch
        {
            Registration.Types.TimeUnits.Nanoseconds => 1e-9,
            Registration.Types.TimeUnits.Microseconds => 1e-6,
            Registration.Types.TimeUnits.Milliseconds => 1e-3,
            Registration.Types.TimeUnits.Seconds => 1,
            Registration.Types.TimeUnits.Minutes => 60,
            Registration.Types.TimeUnits.Hours => 3600,
            Registration.Types.TimeUnits.Days => 86_400,
            _ => 0,
        };
        return double.IsFinite(seconds) ? Math.Max(seconds, MinimumStatusIntervalSeconds) : MinimumStatusIntervalSeconds;
    }
}
