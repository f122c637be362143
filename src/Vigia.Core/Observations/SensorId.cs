namespace Vigia.Core.Observations;

/// <summary>A sensor's identifier as configured (e.g. "radar-1"). Ordinal, case-sensitive.</summary>
/// <remarks>Thread-safety: immutable value type.</remarks>
/// <param name="Value">The identifier text; never null or empty.</param>
public readonly record struct SensorId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
