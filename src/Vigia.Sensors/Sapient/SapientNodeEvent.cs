namespace Vigia.Sensors.Sapient;

/// <summary>A node registered, changed health, or disconnected.</summary>
public sealed record SapientNodeEvent : SapientEvent
{
    /// <summary>What happened.</summary>
    public required SapientNodeEventKind Kind { get; init; }

    /// <summary>The node as it stands after the event.</summary>
    public required SapientNodeState State { get; init; }
}
