using Vigia.Core.Observations;

namespace Vigia.Tracking.Models;

/// <summary>Linear position measurement h(x) = [east, north, up] (Remote ID, observers, system tracks).</summary>
public sealed class PositionMeasurementModel : IMeasurementModel
{
    /// <summary>The shared instance.</summary>
    public static PositionMeasurementModel Instance { get; } = new();

    /// <inheritdoc />
    public int Dimension => 3;

    /// <inheritdoc />
    public int AzimuthIndex => -1;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> state, in Measurement measurement, Span<double> hx)
    {
        hx[0] = state[0];
        hx[1] = state[1];
        hx[2] = state[2];
    }

    /// <inheritdoc />
    public void Jacobian(ReadOnlySpan<double> state, in Measurement measurement, Span<double> h)
    {
        h[..18].Clear();
        h[0] = 1;
        h[7] = 1;
        h[14] = 1;
    }

    /// <inheritdoc />
    public bool TryInvert(in Measurement measurement, Span<double> position, Span<double> positionCovariance)
    {
        position[0] = measurement.V0;
        position[1] = measurement.V1;
        position[2] = measurement.V2;
        var r = measurement.Covariance;
        positionCovariance[0] = r.M11;
        positionCovariance[1] = r.M12;
        positionCovariance[2] = r.M13;
        positionCovariance[3] = r.M21;
        positionCovariance[4] = r.M22;
        positionCovariance[5] = r.M23;
        positionCovariance[6] = r.M31;
        positionCovariance[7] = r.M32;
        positionCovariance[8] = r.M33;
        return true;
    }
}
