namespace Vigia.Tracking.Models;

/// <summary>
/// A motion model whose three axes move independently with the same dynamics:
/// F = [[I, a·I], [0, b·I]] and Q made of diagonal 3 × 3 blocks (position–position,
/// position–velocity, velocity–velocity). The predictor then needs O(36) operations instead of
/// the O(432) of a general 6 × 6 F P Fᵀ.
/// </summary>
public interface IAxisSeparableTransitionModel : ITransitionModel
{
    /// <summary>
    /// Writes the coefficients for a step of <paramref name="dtSeconds"/>: position gain a of the
    /// velocity, velocity retention b, and the per-axis (east, north, up) diagonals of the Q blocks.
    /// </summary>
    void Coefficients(double dtSeconds, out double a, out double b, Span<double> qPositionPosition, Span<double> qPositionVelocity, Span<double> qVelocityVelocity);
}
