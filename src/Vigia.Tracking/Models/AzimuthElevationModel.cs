using Vigia.Core.Observations;

namespace Vigia.Tracking.Models;

/// <summary>
/// Bearing-only direction finder (acoustic array, RF direction finder) from the sensor position:
/// h(x) = [compass azimuth] or [compass azimuth, elevation], by <see cref="Dimension"/>.
/// Bearings alone do not fix a position, so these observations update existing tracks but never
/// start one.
/// </summary>
public sealed class AzimuthElevationModel : IMeasurementModel
{
    private AzimuthElevationModel(int dimension) => Dimension = dimension;

    /// <summary>Azimuth only.</summary>
    public static AzimuthElevationModel AzimuthOnly { get; } = new(1);

    /// <summary>Azimuth and elevation.</summary>
    public static AzimuthElevationModel WithElevation { get; } = new(2);

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public int AzimuthIndex => 0;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> state, in Measurement measurement, Span<double> hx)
    {
        Span<double> rae = stackalloc double[3];
        RangeAzimuthElevationModel.Instance.Evaluate(state, measurement, rae);
        hx[0] = rae[1];
        if (Dimension == 2)
        {
            hx[1] = rae[2];
        }
    }

    /// <inheritdoc />
    public void Jacobian(ReadOnlySpan<double> state, in Measurement measurement, Span<double> h)
    {
        Span<double> full = stackalloc double[18];
        RangeAzimuthElevationModel.Instance.Jacobian(state, measurement, full);
        full.Slice(6, 6 * Dimension).CopyTo(h);
    }

    /// <inheritdoc />
    public bool TryInvert(in Measurement measurement, Span<double> position, Span<double> positionCovariance) => false;
}
