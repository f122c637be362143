using Vigia.Core.Observations;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>
/// Extended Kalman update: linearises h at the predicted mean, C = P Hᵀ, S = H C + R.
/// Exact for linear models (<see cref="PositionMeasurementModel"/>).
/// </summary>
public sealed class ExtendedKalmanUpdater : IUpdater
{
    /// <summary>The shared instance.</summary>
    public static ExtendedKalmanUpdater Instance { get; } = new();

    /// <inheritdoc />
    public bool TryInnovate(GaussianState state, in Measurement measurement, IMeasurementModel model, ref Innovation innovation)
    {
        var m = model.Dimension;
        innovation.Dimension = m;
        Span<double> hx = stackalloc double[3];
        Span<double> h = stackalloc double[18];
        model.Evaluate(state.Mean, measurement, hx);
        model.Jacobian(state.Mean, measurement, h);

        var nu = innovation.Nu;
        nu[0] = measurement.V0 - hx[0];
        if (m > 1)
        {
            nu[1] = measurement.V1 - hx[1];
        }

        if (m > 2)
        {
            nu[2] = measurement.V2 - hx[2];
        }

        if (model.AzimuthIndex >= 0)
        {
            nu[model.AzimuthIndex] = DenseMatrix.WrapAngle(nu[model.AzimuthIndex]);
        }

        // C = P Hᵀ and S = H C + R, skipping the zeros of H (every model here reads position only, so
        // half of H is zero).
        var c = innovation.CrossCovariance;
        var p = state.Covariance;
        c.Clear();
        for (var row = 0; row < m; row++)
        {
            for (var t = 0; t < StateVector.Size; t++)
            {
                var ht = h[(row * 6) + t];
                if (ht != 0)
                {
                    for (var i = 0; i < StateVector.Size; i++)
                    {
                        c[(i * m) + row] += p[(i * 6) + t] * ht;
                    }
                }
            }
        }

        var s = innovation.S;
        s.Clear();
        for (var a = 0; a < m; a++)
        {
            for (var t = 0; t < StateVector.Size; t++)
            {
                var ht = h[(a * 6) + t];
                if (ht != 0)
                {
                    for (var b = 0; b < m; b++)
                    {
                        s[(a * m) + b] += ht * c[(t * m) + b];
                    }
                }
            }
        }

        AddNoise(s, measurement, m);
        return innovation.TryComplete();
    }

    /// <inheritdoc />
    public void Update(GaussianState state, ref Innovation innovation) => KalmanUpdate.Apply(state, ref innovation);

    /// <summary>S += R (top-left m × m block of the measurement covariance), then symmetrise.</summary>
    internal static void AddNoise(Span<double> s, in Measurement measurement, int m)
    {
        var r = measurement.Covariance;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                s[i * m + j] += r[i, j];
            }
        }

        DenseMatrix.Symmetrise(s, m);
    }
}
