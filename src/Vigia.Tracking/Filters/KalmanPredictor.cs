using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>Kalman prediction through a linear-Gaussian motion model: x ← F x, P ← F P Fᵀ + Q.</summary>
public static class KalmanPredictor
{
    /// <summary>Predicts <paramref name="state"/> in place by <paramref name="dtSeconds"/> (≥ 0) with <paramref name="model"/>.</summary>
    public static void Predict(GaussianState state, ITransitionModel model, double dtSeconds)
    {
        if (model is IAxisSeparableTransitionModel separable)
        {
            PredictSeparable(state.Mean, state.Covariance, separable, dtSeconds);
            return;
        }

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

        // F of the motion models is sparse (a turn model has 16 non-zeros of 36): skip its zeros, and
        // compute only the upper triangle of the symmetric result.
        Span<double> fp = stackalloc double[36];
        fp.Clear();
        for (var i = 0; i < 6; i++)
        {
            for (var t = 0; t < 6; t++)
            {
                var a = f[(i * 6) + t];
                if (a != 0)
                {
                    for (var j = 0; j < 6; j++)
                    {
                        fp[(i * 6) + j] += a * covariance[(t * 6) + j];
                    }
                }
            }
        }

        for (var i = 0; i < 6; i++)
        {
            for (var j = i; j < 6; j++)
            {
                var sum = q[(i * 6) + j];
                for (var t = 0; t < 6; t++)
                {
                    var b = f[(j * 6) + t];
                    if (b != 0)
                    {
                        sum += fp[(i * 6) + t] * b;
                    }
                }

                covariance[(i * 6) + j] = sum;
                covariance[(j * 6) + i] = sum;
            }
        }
    }

    /// <summary>
    /// The block form of F P Fᵀ + Q for F = [[I, aI], [0, bI]] with P = [[A, B], [Bᵀ, C]]:
    /// A' = A + a(B + Bᵀ) + a²C, B' = b(B + aC), C' = b²C, plus the diagonal Q blocks.
    /// </summary>
    internal static void PredictSeparable(Span<double> mean, Span<double> p, IAxisSeparableTransitionModel model, double dtSeconds)
    {
        Span<double> qpp = stackalloc double[3];
        Span<double> qpv = stackalloc double[3];
        Span<double> qvv = stackalloc double[3];
        model.Coefficients(dtSeconds, out var a, out var b, qpp, qpv, qvv);
        for (var i = 0; i < 3; i++)
        {
            mean[i] += a * mean[i + 3];
            mean[i + 3] *= b;
        }

        Span<double> prior = stackalloc double[36];
        p[..36].CopyTo(prior);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var aij = prior[(i * 6) + j];
                var bij = prior[(i * 6) + j + 3];
                var bji = prior[(j * 6) + i + 3];
                var cij = prior[((i + 3) * 6) + j + 3];
                var newB = b * (bij + (a * cij));
                p[(i * 6) + j] = aij + (a * (bij + bji)) + (a * a * cij);
                p[(i * 6) + j + 3] = newB;
                p[((j + 3) * 6) + i] = newB;
                p[((i + 3) * 6) + j + 3] = b * b * cij;
            }
        }

        for (var i = 0; i < 3; i++)
        {
            p[(i * 6) + i] += qpp[i];
            p[(i * 6) + i + 3] += qpv[i];
            p[((i + 3) * 6) + i] += qpv[i];
            p[((i + 3) * 6) + i + 3] += qvv[i];
        }

        DenseMatrix.Symmetrise(p, 6);
    }
}
