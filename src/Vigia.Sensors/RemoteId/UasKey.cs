using Vigia.Protocols.RemoteId;

namespace Vigia.Sensors.RemoteId;

/// <summary>What identifies one unmanned aircraft in Remote ID: the ID type and the UAS ID text (F3411 Basic ID).</summary>
/// <param name="IdType">Serial number, CAA registration, UTM-assigned UUID or specific session ID.</param>
/// <param name="UasId">The ID as text (ASCII for serials and registrations; hexadecimal for binary ID types).</param>
public readonly record struct UasKey(UasIdType IdType, string UasId)
{
    /// <summary>The identity as one string for observations and tracks, e.g. "SerialNumber:1596A12345".</summary>
    public override string ToString() => $"{IdType}:{UasId}";
}
