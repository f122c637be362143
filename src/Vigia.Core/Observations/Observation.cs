using Vigia.Core.Geodesy;
using Vigia.Core.Time;

namespace Vigia.Core.Observations;

/// <summary>
/// One normalised detection from one sensor: what was measured (with its measurement model),
/// when the sensor says it was measured, when we received it, and any identity it carried.
/// </summary>
/// <remarks>Thread-safety: immutable once built; safe to pass between threads and through channels.</remarks>
public sealed record Observation
{
    /// <summary>The sensor that produced it.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>Measurement time by the sensor's clock (UTC).</summary>
    public required Timestamp SensorTime { get; init; }

    /// <summary>Time Vigía received it (UTC, the receiving host's clock); equals sensor time for replayed files.</summary>
    public required Timestamp ReceiveTime { get; init; }

    /// <summary>The measurement and its model.</summary>
    public required Measurement Measurement { get; init; }

    /// <summary>A broadcast identity (Remote ID UAS ID, ICAO address), or null if the sensor saw none.</summary>
    public string? UasId { get; init; }

    /// <summary>
    /// Where the aircraft says its operator (pilot) stands (Remote ID System message), WGS-84; kept on the
    /// track's identity and shown, never fused as a position of the aircraft. Null if not reported.
    /// </summary>
    public GeoPosition? OperatorPosition { get; init; }

    /// <summary>What the aircraft says about itself beyond its ID (type, operator ID, self-ID) and the receiver's doubts, or null.</summary>
    public BroadcastIdentity? Identity { get; init; }

    /// <summary>What the sensor says the object is (a SAPIENT class, a manned aircraft from ADS-B), or null.</summary>
    public Classification? Classification { get; init; }

    /// <summary>The client's idempotency key for this observation, if it gave one.</summary>
    public string? ClientId { get; init; }
}
