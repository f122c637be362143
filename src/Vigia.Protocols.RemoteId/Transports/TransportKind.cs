namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>
/// The broadcast transport that carried an Open Drone ID payload (ASTM F3411-22a §5.4.4 and
/// ASD-STAN EN 4709-002 §4.3 / §4.4).
/// </summary>
public enum TransportKind
{
    /// <summary>No transport known (the default value).</summary>
    None = 0,

    /// <summary>Bluetooth 4 legacy advertising: one 25-byte message in the AdvData (F3411-22a §5.4.4.2).</summary>
    Bluetooth4Legacy = 1,

    /// <summary>Bluetooth 5 extended (long range) advertising: a message pack in the AUX_ADV_IND AdvData (F3411-22a §5.4.4.3).</summary>
    Bluetooth5Extended = 2,

    /// <summary>Wi-Fi beacon with the ODID vendor-specific information element (F3411-22a §5.4.4.5).</summary>
    WifiBeacon = 3,

    /// <summary>Wi-Fi Neighbour Awareness Networking service discovery frame (F3411-22a §5.4.4.4).</summary>
    WifiNan = 4,
}
