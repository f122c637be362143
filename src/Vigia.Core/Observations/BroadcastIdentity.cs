namespace Vigia.Core.Observations;

/// <summary>
/// What an aircraft says about itself beyond its ID (Remote ID Basic ID type, Operator ID, Self-ID text),
/// and the receiver's doubts about it (plausibility reason codes). Shown on the track's identity card;
/// never used to estimate where the aircraft is.
/// </summary>
/// <remarks>Thread-safety: immutable once built.</remarks>
public sealed record BroadcastIdentity
{
    /// <summary>Aircraft type as broadcast (e.g. <c>HelicopterOrMultirotor</c>), or null.</summary>
    public string? AircraftType { get; init; }

    /// <summary>Operator (pilot) registration ID, or null.</summary>
    public string? OperatorId { get; init; }

    /// <summary>Free text the operator set (Self-ID), or null.</summary>
    public string? SelfId { get; init; }

    /// <summary>Plausibility reason codes of the latest update (e.g. <c>Unauthenticated</c>, <c>ImpossibleJump</c>); empty if none.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Value equality including the flags' contents.</summary>
    public bool Equals(BroadcastIdentity? other) =>
        other is not null && AircraftType == other.AircraftType && OperatorId == other.OperatorId && SelfId == other.SelfId && Flags.SequenceEqual(other.Flags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AircraftType, OperatorId, SelfId, Flags.Count);
}
