namespace Vigia.Tracking.Models;

/// <summary>
/// A linear-Gaussian motion model on the <see cref="Filters.StateVector"/> state:
/// x(t + dt) = F(dt) x(t) + w, w ~ N(0, Q(dt)).
/// </summary>
/// <remarks>Implementations are immutable and thread-safe.</remarks>
public interface ITransitionModel
{
    /// <summary>A short name for logs and track output (e.g. "cv", "hover").</summary>
    string Name { get; }

    /// <summary>Writes F(dt) and Q(dt), each 6 × 6 row-major, for a step of <paramref name="dtSeconds"/> ≥ 0.</summary>
    void Transition(double dtSeconds, Span<double> f, Span<double> q);
}
