using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Vigia.Tracking.Filters;

/// <summary>
/// The innovation of one measurement against one predicted state: ν = z − h(x), its covariance
/// S, S⁻¹, the state–measurement cross-covariance C (6 × m; P Hᵀ for the EKF), the squared
/// Mahalanobis distance ν S⁻¹ ν and ln det S. Fixed-size buffers: no allocation.
/// </summary>
public struct Innovation
{
    private Buffer3 _nu;
    private Buffer9 _s;
    private Buffer9 _sInverse;
    private Buffer18 _cross;

    /// <summary>Measurement dimension m (1…3).</summary>
    public int Dimension { get; internal set; }

    /// <summary>ν S⁻¹ ν.</summary>
    public double MahalanobisSquared { get; internal set; }

    /// <summary>ln det S.</summary>
    public double LogDeterminant { get; internal set; }

    /// <summary>ln N(ν; 0, S): the measurement log-likelihood.</summary>
    public readonly double LogLikelihood =>
        -0.5 * (MahalanobisSquared + LogDeterminant + (Dimension * Math.Log(2 * Math.PI)));

    /// <summary>ν, length m.</summary>
    [UnscopedRef]
    public Span<double> Nu => ((Span<double>)_nu)[..Dimension];

    /// <summary>S, m × m row-major.</summary>
    [UnscopedRef]
    public Span<double> S => ((Span<double>)_s)[..(Dimension * Dimension)];

    /// <summary>S⁻¹, m × m row-major.</summary>
    [UnscopedRef]
    public Span<double> SInverse => ((Span<double>)_sInverse)[..(Dimension * Dimension)];

    /// <summary>C, 6 × m row-major.</summary>
    [UnscopedRef]
    public Span<double> CrossCovariance => ((Span<double>)_cross)[..(StateVector.Size * Dimension)];

    /// <summary>Computes S⁻¹, ln det S and the Mahalanobis distance from ν and S; false if S is not positive definite.</summary>
    internal bool TryComplete()
    {
        var m = Dimension;
        if (!DenseMatrix.TryInvertSpd(S, SInverse, m, out var logDet))
        {
            return false;
        }

        LogDeterminant = logDet;
        var nu = Nu;
        var si = SInverse;
        var d2 = 0.0;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                d2 += nu[i] * si[i * m + j] * nu[j];
            }
        }

        MahalanobisSquared = d2;
        return true;
    }

    [InlineArray(3)]
    private struct Buffer3
    {
        private double _element;
    }

    [InlineArray(9)]
    private struct Buffer9
    {
        private double _element;
    }

    [InlineArray(18)]
    private struct Buffer18
    {
        private double _element;
    }
}
