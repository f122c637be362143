using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>Something a SAPIENT node did that the rest of Vigía should hear about; read from <see cref="SapientFusionServer.Events"/>.</summary>
/// <remarks>Thread-safety: immutable; owned by the reader once written.</remarks>
public abstract record SapientEvent
{
    /// <summary>The node's node_id.</summary>
    public required string NodeId { get; init; }

    /// <summary>The node's sensor identity.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>The connection it came on.</summary>
    public required long ConnectionId { get; init; }

    /// <summary>When it arrived, by the receiving host's clock (UTC).</summary>
    public required Timestamp ReceiveTime { get; init; }
}
