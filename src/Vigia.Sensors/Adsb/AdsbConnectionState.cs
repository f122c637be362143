namespace Vigia.Sensors.Adsb;

/// <summary>The health of an ADS-B receiver connection (house style §4.6: loss of sync shows as Degraded).</summary>
public enum AdsbConnectionState
{
    /// <summary>Not connected: before the first connect, or waiting to reconnect.</summary>
    Down = 0,

    /// <summary>Connected, and the stream has kept sync recently.</summary>
    Up = 1,

    /// <summary>Connected, but bytes were skipped to resynchronise within <see cref="AdsbReceiverOptions.DegradedAfterResync"/>.</summary>
    Degraded = 2,
}
