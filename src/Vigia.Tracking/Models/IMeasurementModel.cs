using Vigia.Core.Observations;

namespace Vigia.Tracking.Models;

/// <summary>
/// A measurement function h(x) from the <see cref="Filters.StateVector"/> state to a
/// <see cref="Measurement"/>'s values, with its Jacobian. The measurement (its sensor position)
/// is passed in, so one model instance serves every sensor of a kind.
/// </summary>
/// <remarks>Implementations are stateless and thread-safe.</remarks>
public interface IMeasurementModel
{
    /// <summary>Number of measured values.</summary>
    int Dimension { get; }

    /// <summary>Index of the value that is a compass azimuth (innovations wrap at ±π), or −1.</summary>
    int AzimuthIndex { get; }

    /// <summary>Writes h(x) into <paramref name="hx"/> (length <see cref="Dimension"/>).</summary>
    void Evaluate(ReadOnlySpan<double> state, in Measurement measurement, Span<double> hx);

    /// <summary>Writes ∂h/∂x (Dimension × 6, row-major) at <paramref name="state"/>.</summary>
    void Jacobian(ReadOnlySpan<double> state, in Measurement measurement, Span<double> h);

    /// <summary>
    /// Inverts the measurement where it determines a position (Cartesian position and its 3 × 3
    /// covariance, ENU metres); returns false for kinds that do not (bearings).
    /// </summary>
    bool TryInvert(in Measurement measurement, Span<double> position, Span<double> positionCovariance);
}
