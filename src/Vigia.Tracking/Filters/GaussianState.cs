namespace Vigia.Tracking.Filters;

/// <summary>
/// A Gaussian estimate of the <see cref="StateVector"/> state: mean and covariance, owned by one
/// track (arrays allocated once per track, updated in place).
/// </summary>
/// <remarks>Thread-safety: mutable; owned by the single tracker loop.</remarks>
public sealed class GaussianState
{
    /// <summary>Creates a zero state with zero covariance.</summary>
    public GaussianState()
    {
    }

    /// <summary>Creates a state from a mean (6) and a row-major covariance (36).</summary>
    public GaussianState(ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance)
    {
        mean.CopyTo(Mean);
        covariance.CopyTo(Covariance);
    }

    /// <summary>Mean, <see cref="StateVector"/> layout.</summary>
    public double[] Mean { get; } = new double[StateVector.Size];

    /// <summary>Covariance, 6 × 6 row-major.</summary>
    public double[] Covariance { get; } = new double[StateVector.CovarianceSize];

    /// <summary>Copies mean and covariance from another state.</summary>
    public void CopyFrom(GaussianState other)
    {
        other.Mean.CopyTo(Mean, 0);
        other.Covariance.CopyTo(Covariance, 0);
    }
}
