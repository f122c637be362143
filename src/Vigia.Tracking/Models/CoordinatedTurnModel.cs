using Vigia.Tracking.Filters;

namespace Vigia.Tracking.Models;

/// <summary>
/// Horizontal coordinated turn at a known rate ω (positive = anticlockwise seen from above, i.e.
/// turning left), nearly-constant velocity vertically (Bar-Shalom, Li, Kirubarajan 2001, §11.7.1;
/// the known-rate form keeps the model linear, so an IMM can hold a left and a right turn). Per
/// step T the horizontal velocity rotates by ωT and the position follows the arc:
/// e' = e + (sin ωT / ω) vₑ − ((1 − cos ωT) / ω) vₙ, n' = n + ((1 − cos ωT) / ω) vₑ + (sin ωT / ω) vₙ.
/// Process noise is the constant-velocity white-acceleration noise on each axis.
/// </summary>
/// <param name="TurnRateRadiansPerSecond">ω, rad/s, non-zero.</param>
/// <param name="HorizontalNoise">Acceleration noise spectral density on east and north, m²/s³.</param>
/// <param name="VerticalNoise">Acceleration noise spectral density on up, m²/s³.</param>
public sealed record CoordinatedTurnModel(double TurnRateRadiansPerSecond, double HorizontalNoise, double VerticalNoise) : ITransitionModel
{
    /// <inheritdoc />
    public string Name => TurnRateRadiansPerSecond > 0 ? "turn-left" : "turn-right";

    /// <inheritdoc />
    public void Transition(double dtSeconds, Span<double> f, Span<double> q)
    {
        ConstantVelocityModel.Fill(dtSeconds, HorizontalNoise, VerticalNoise, f, q);
        var w = TurnRateRadiansPerSecond;
        var (sin, cos) = Math.SinCos(w * dtSeconds);
        const int E = StateVector.East, N = StateVector.North, VE = StateVector.VelocityEast, VN = StateVector.VelocityNorth;
        f[(E * 6) + VE] = sin / w;
        f[(E * 6) + VN] = -(1 - cos) / w;
        f[(N * 6) + VE] = (1 - cos) / w;
        f[(N * 6) + VN] = sin / w;
        f[(VE * 6) + VE] = cos;
        f[(VE * 6) + VN] = -sin;
        f[(VN * 6) + VE] = sin;
        f[(VN * 6) + VN] = cos;
    }
}
