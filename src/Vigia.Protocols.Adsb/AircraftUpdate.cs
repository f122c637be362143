namespace Vigia.Protocols.Adsb;

/// <summary>The result of applying one message to an <see cref="AircraftStateTable"/>.</summary>
/// <remarks>Thread-safety: an immutable value.</remarks>
public readonly record struct AircraftUpdate
{
    /// <summary>The aircraft the message was about.</summary>
    public IcaoAddress Address { get; init; }

    /// <summary>What changed; <see cref="AircraftChanges.None"/> when the message was not applied.</summary>
    public AircraftChanges Changes { get; init; }

    /// <summary>The position resolved from this message when <see cref="Changes"/> has <see cref="AircraftChanges.Position"/>.</summary>
    public AircraftPosition Position { get; init; }

    /// <summary>True when a position was resolved from this message.</summary>
    public bool HasPosition => (Changes & AircraftChanges.Position) != 0;
}
