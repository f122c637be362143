using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>A snapshot of one SAPIENT node as the fusion node knows it: registration, heartbeat, health and counts.</summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record SapientNodeState
{
    /// <summary>The node's node_id (UUID).</summary>
    public required string NodeId { get; init; }

    /// <summary>The sensor identity its observations carry.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>The server's number of the connection the node registered on (the latest one).</summary>
    public required long ConnectionId { get; init; }

    /// <summary>The remote address and port of that connection.</summary>
    public required string RemoteEndPoint { get; init; }

    /// <summary>The ICD version the node announced on that connection.</summary>
    public required string IcdVersion { get; init; }

    /// <summary>The node's name and short name, if it gave them.</summary>
    public string? Name { get; init; }

    /// <summary>The node's short name, if it gave one.</summary>
    public string? ShortName { get; init; }

    /// <summary>The node types it registered (e.g. <c>NODE_TYPE_RADAR</c>).</summary>
    public IReadOnlyList<string> NodeTypes { get; init; } = [];

    /// <summary>When it (last) registered, by the receiving host's clock.</summary>
    public required Timestamp RegisteredAt { get; init; }

    /// <summary>When its last message arrived.</summary>
    public required Timestamp LastMessageAt { get; init; }

    /// <summary>When its last status report arrived, or null.</summary>
    public Timestamp? LastStatusAt { get; init; }

    /// <summary>The heartbeat interval it registered, seconds.</summary>
    public required double StatusIntervalSeconds { get; init; }

    /// <summary>The system state of its last status report (e.g. <c>SYSTEM_OK</c>), or null.</summary>
    public string? System { get; init; }

    /// <summary>The mode of its last status report, or null.</summary>
    public string? Mode { get; init; }

    /// <summary>Its last reported location (WGS-84, height above the ellipsoid), or null.</summary>
    public GeoPosition? Location { get; init; }

    /// <summary>Whether its connection is open.</summary>
    public required bool Connected { get; init; }

    /// <summary>Health, computed at the time of the snapshot.</summary>
    public required SapientNodeHealth Health { get; init; }

    /// <summary>Why the health is what it is (e.g. <c>heartbeat late</c>).</summary>
    public required string HealthReason { get; init; }

    /// <summary>Messages received from it since it registered.</summary>
    public long Messages { get; init; }

    /// <summary>Detection reports that became observations.</summary>
    public long Observations { get; init; }

    /// <summary>Messages from it that were refused or could not be mapped.</summary>
    public long Rejected { get; init; }

    /// <summary>
    /// Why its last refused message or unmapped detection was refused: a decode error code, a validation or conversation
    /// rule (e.g. <c>MissingObjectId</c>) or a mapping fault; null when none since it registered on this connection.
    /// </summary>
    public string? LastRejection { get; init; }

    /// <summary>When that refusal happened, or null.</summary>
    public Timestamp? LastRejectedAt { get; init; }
}
