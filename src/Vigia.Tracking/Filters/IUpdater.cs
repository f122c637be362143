using Vigia.Core.Observations;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>
/// A Gaussian measurement update split in two steps, so association can score a measurement
/// against a prediction (step 1) before committing to it (step 2):
/// <list type="number">
/// <item><see cref="TryInnovate"/> computes ν, S and the cross-covariance C without touching the state;</item>
/// <item><see cref="Update"/> applies K = C S⁻¹: x ← x + K ν, P ← P − K Cᵀ.</item>
/// </list>
/// Variants (extended, unscented) differ only in step 1.
/// </summary>
/// <remarks>Implementations are stateless and thread-safe.</remarks>
public interface IUpdater
{
    /// <summary>Computes the innovation of <paramref name="measurement"/> against <paramref name="state"/>; false if S is not positive definite.</summary>
    bool TryInnovate(GaussianState state, in Measurement measurement, IMeasurementModel model, ref Innovation innovation);

    /// <summary>Applies an innovation computed by <see cref="TryInnovate"/> on the same state.</summary>
    void Update(GaussianState state, ref Innovation innovation);
}
