namespace Vigia.Sensors.Sapient;

/// <summary>A SAPIENT node's health as Vigía's sensors report it (Up / Degraded / Down).</summary>
public enum SapientNodeHealth
{
    /// <summary>Connected, heartbeat on time, the node says SYSTEM_OK.</summary>
    Up = 0,

    /// <summary>Connected but its heartbeat is late, it says SYSTEM_WARNING, or no status report has come yet.</summary>
    Degraded = 1,

    /// <summary>Disconnected, heartbeat lost, or the node says SYSTEM_ERROR or SYSTEM_GOODBYE.</summary>
    Down = 2,
}
