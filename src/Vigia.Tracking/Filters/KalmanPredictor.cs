using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>Kalman prediction through a linear-Gaussian motion model: x ← F x, P ← F P Fᵀ + Q.</summary>
public static class KalmanPredictor
{
    /// <summary>Predicts <paramref name="state"/> in place by <paramref name="dtSeconds"/> (≥ 0) with <paramref name="model"/>.</summary>
    public static void Predict(GaussianState state, ITransitionModel model, double dtSeconds)
    {
        Span<double> f = stackalloc double[36];
        Span<double> q = stackalloc double[36];
        model.Transition(dtSeconds, f, q);
        Predict(state.Mean, state.Covariance, f, q);
    }

    /// <summary>Predicts a mean (6) and covariance (36) in place with given F and Q.</summary>
    public static void Predict(Span<double> mean, Span<double> covariance, ReadOnlySpan<double> f, ReadOnlySpan<double> q)
    {
        Span<double> x = stackalloc double[6];
        DenseMatrix.Multiply(f, mean, x, 6, 6, 1);
        x.CopyTo(mean);

        Span<double> fp = stackalloc double[36];
        DenseMatrix.Multiply(f, covariance, fp, 6, 6, 6);
        DenseMatrix.MultiplyTransposed(fp, f, covariance, 6, 6, 6);
        for (var i = 0; i < 36; i++)
        {
            covariance[i] += q[i];
        }

        DenseMatrix.Symmetrise(covariance, 6);
    }
}
