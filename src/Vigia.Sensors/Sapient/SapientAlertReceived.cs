using SapientMsg.BsiFlex335V20;
using Vigia.Core.Geodesy;

namespace Vigia.Sensors.Sapient;

/// <summary>An Alert a node raised (answered with an accepting AlertAck).</summary>
public sealed record SapientAlertReceived : SapientEvent
{
    /// <summary>The alert_id (ULID).</summary>
    public required string AlertId { get; init; }

    /// <summary>The alert type (e.g. <c>ALERT_TYPE_WARNING</c>).</summary>
    public required Alert.Types.AlertType AlertType { get; init; }

    /// <summary>The alert status (e.g. <c>ALERT_STATUS_ACTIVE</c>).</summary>
    public required Alert.Types.AlertStatus Status { get; init; }

    /// <summary>The priority, if given.</summary>
    public required Alert.Types.DiscretePriority Priority { get; init; }

    /// <summary>The description, if given.</summary>
    public string? Description { get; init; }

    /// <summary>Where the event happened when the alert gives a geodetic location the server can read, else null.</summary>
    public GeoPosition? Position { get; init; }

    /// <summary>The region_id, if given.</summary>
    public string? RegionId { get; init; }

    /// <summary>The confidence (0..1) that it is not a false alarm, or null.</summary>
    public double? Confidence { get; init; }

    /// <summary>The object_ids of the detections associated with the alert.</summary>
    public IReadOnlyList<string> ObjectIds { get; init; } = [];

    /// <summary>The alert as received, for anything not lifted out above. Do not modify it.</summary>
    public required Alert Message { get; init; }
}
