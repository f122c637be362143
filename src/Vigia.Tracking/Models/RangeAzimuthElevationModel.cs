using Vigia.Core.Observations;

namespace Vigia.Tracking.Models;

/// <summary>
/// Radar plot h(x) = [range, compass azimuth, elevation] of the target relative to the sensor:
/// with d = p − s, range = |d|, azimuth = atan2(d_east, d_north) in [0, 2π), elevation =
/// atan2(d_up, |d_horizontal|).
/// </summary>
public sealed class RangeAzimuthElevationModel : IMeasurementModel
{
    /// <summary>The shared instance.</summary>
    public static RangeAzimuthElevationModel Instance { get; } = new();

    /// <inheritdoc />
    public int Dimension => 3;

    /// <inheritdoc />
    public int AzimuthIndex => 1;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> state, in Measurement measurement, Span<double> hx)
    {
        var s = measurement.SensorPosition;
        var dx = state[0] - s.EastMeters;
        var dy = state[1] - s.NorthMeters;
        var dz = state[2] - s.UpMeters;
        var horizontal = Math.Sqrt((dx * dx) + (dy * dy));
        hx[0] = Math.Sqrt((horizontal * horizontal) + (dz * dz));
        var az = Math.Atan2(dx, dy);
        hx[1] = az < 0 ? az + (2 * Math.PI) : az;
        hx[2] = Math.Atan2(dz, horizontal);
    }

    /// <inheritdoc />
    public void Jacobian(ReadOnlySpan<double> state, in Measurement measurement, Span<double> h)
    {
        var s = measurement.SensorPosition;
        var dx = state[0] - s.EastMeters;
        var dy = state[1] - s.NorthMeters;
        var dz = state[2] - s.UpMeters;
        var h2 = Math.Max((dx * dx) + (dy * dy), 1e-6);
        var horizontal = Math.Sqrt(h2);
        var r2 = h2 + (dz * dz);
        var r = Math.Sqrt(r2);
        h[..18].Clear();
        h[0] = dx / r;
        h[1] = dy / r;
        h[2] = dz / r;
        h[6] = dy / h2;
        h[7] = -dx / h2;
        h[12] = -dx * dz / (r2 * horizontal);
        h[13] = -dy * dz / (r2 * horizontal);
        h[14] = horizontal / r2;
    }

    /// <inheritdoc />
    public bool TryInvert(in Measurement measurement, Span<double> position, Span<double> positionCovariance)
    {
        var s = measurement.SensorPosition;
        var range = measurement.V0;
        var (sinAz, cosAz) = Math.SinCos(measurement.V1);
        var (sinEl, cosEl) = Math.SinCos(measurement.V2);
        position[0] = s.EastMeters + (range * sinAz * cosEl);
        position[1] = s.NorthMeters + (range * cosAz * cosEl);
        position[2] = s.UpMeters + (range * sinEl);

        // J = ∂p/∂(r, az, el); covariance = J R Jᵀ.
        Span<double> j =
        [
            sinAz * cosEl, range * cosAz * cosEl, -range * sinAz * sinEl,
            cosAz * cosEl, -range * sinAz * cosEl, -range * cosAz * sinEl,
            sinEl, 0, range * cosEl,
        ];
        var rm = measurement.Covariance;
        Span<double> r = [rm.M11, rm.M12, rm.M13, rm.M21, rm.M22, rm.M23, rm.M31, rm.M32, rm.M33];
        Span<double> jr = stackalloc double[9];
        Filters.DenseMatrix.Multiply(j, r, jr, 3, 3, 3);
        Filters.DenseMatrix.MultiplyTransposed(jr, j, positionCovariance, 3, 3, 3);
        return true;
    }
}
