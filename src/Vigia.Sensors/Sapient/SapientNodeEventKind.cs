namespace Vigia.Sensors.Sapient;

/// <summary>What happened to a node.</summary>
public enum SapientNodeEventKind
{
    /// <summary>It registered (or registered again) and was accepted.</summary>
    Registered = 0,

    /// <summary>A status report changed its health or system state.</summary>
    HealthChanged = 1,

    /// <summary>Its connection closed.</summary>
    Disconnected = 2,
}
