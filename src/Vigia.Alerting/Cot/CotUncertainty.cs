using Vigia.Core.Numerics;

namespace Vigia.Alerting.Cot;

/// <summary>
/// CoT <c>ce</c> and <c>le</c> (1-sigma horizontal and vertical errors, metres) from a position covariance in
/// a local east-north-up frame (metres², as <c>TrackSnapshot.PositionCovariance</c>).
/// </summary>
public static class CotUncertainty
{
    /// <summary>
    /// The 1-sigma error along the worst horizontal axis: the square root of the larger eigenvalue of the
    /// east-north block. A circle of this radius holds the whole 1-sigma ellipse, so <c>ce</c> never claims
    /// more accuracy than the estimate has. Null if the block is not finite or not positive semi-definite.
    /// </summary>
    public static double? HorizontalSigmaMeters(Matrix3x3 enuCovariance)
    {
        var (ee, en, nn) = (enuCovariance[0, 0], 0.5 * (enuCovariance[0, 1] + enuCovariance[1, 0]), enuCovariance[1, 1]);
        if (!double.IsFinite(ee) || !double.IsFinite(en) || !double.IsFinite(nn) || ee < 0 || nn < 0)
        {
            return null;
        }

        var half = 0.5 * (ee - nn);
        var largest = (0.5 * (ee + nn)) + Math.Sqrt((half * half) + (en * en));
        var smallest = (0.5 * (ee + nn)) - Math.Sqrt((half * half) + (en * en));
        return smallest < -1e-9 * Math.Max(1, largest) ? null : Math.Sqrt(largest);
    }

    /// <summary>The 1-sigma vertical error: the square root of the up variance; null if not finite or negative.</summary>
    public static double? VerticalSigmaMeters(Matrix3x3 enuCovariance)
    {
        var uu = enuCovariance[2, 2];
        return double.IsFinite(uu) && uu >= 0 ? Math.Sqrt(uu) : null;
    }
}
