using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/500 Estimated Accuracies: standard deviations of the track's state (null when not sent).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/500, compound: APC (σx, σy, LSB 0.5 m), COV (sign(cov)·√|cov|, LSB 0.5 m),
/// APW (σ lat/lon, LSB 180°/2²⁵), AGA (6.25 ft), ABA (1/4 FL), ATV (0.25 m/s), AA (0.25 m/s²), ARC (6.25 ft/min). The
/// maximum value means "that or more". Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat062EstimatedAccuracies
{
    private const double WgsLsb = 180.0 / (1 << 25);
    private readonly CompoundView _view;

    internal Cat062EstimatedAccuracies(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.EstimatedAccuracies);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/500.</summary>
    public bool IsPresent { get; }

    /// <summary>APC: σ of the Cartesian x position in metres.</summary>
    public double? PositionSigmaXMeters => _view.Has(1) ? BigEndian.U16(_view.Subfield(1), 0) * 0.5 : null;

    /// <summary>APC: σ of the Cartesian y position in metres.</summary>
    public double? PositionSigmaYMeters => _view.Has(1) ? BigEndian.U16(_view.Subfield(1), 2) * 0.5 : null;

    /// <summary>COV: the XY covariance component, sign(cov)·√|cov|, in metres.</summary>
    public double? XyCovarianceComponentMeters => _view.Has(2) ? BigEndian.S16(_view.Subfield(2), 0) * 0.5 : null;

    /// <summary>APW: σ of the latitude in degrees.</summary>
    public double? LatitudeSigmaDegrees => _view.Has(3) ? BigEndian.U16(_view.Subfield(3), 0) * WgsLsb : null;

    /// <summary>APW: σ of the longitude in degrees.</summary>
    public double? LongitudeSigmaDegrees => _view.Has(3) ? BigEndian.U16(_view.Subfield(3), 2) * WgsLsb : null;

    /// <summary>AGA: σ of the geometric altitude in feet.</summary>
    public double? GeometricAltitudeSigmaFeet => _view.Has(4) ? _view.Subfield(4)[0] * 6.25 : null;

    /// <summary>ABA: σ of the barometric altitude in flight levels.</summary>
    public double? BarometricAltitudeSigmaFlightLevels => _view.Has(5) ? _view.Subfield(5)[0] * 0.25 : null;

    /// <summary>ATV: σ of the x velocity in m/s.</summary>
    public double? VelocitySigmaXMetersPerSecond => _view.Has(6) ? _view.Subfield(6)[0] * 0.25 : null;

    /// <summary>ATV: σ of the y velocity in m/s.</summary>
    public double? VelocitySigmaYMetersPerSecond => _view.Has(6) ? _view.Subfield(6)[1] * 0.25 : null;

    /// <summary>AA: σ of the x acceleration in m/s².</summary>
    public double? AccelerationSigmaXMetersPerSecondSquared => _view.Has(7) ? _view.Subfield(7)[0] * 0.25 : null;

    /// <summary>AA: σ of the y acceleration in m/s².</summary>
    public double? AccelerationSigmaYMetersPerSecondSquared => _view.Has(7) ? _view.Subfield(7)[1] * 0.25 : null;

    /// <summary>ARC: σ of the rate of climb/descent in ft/min.</summary>
    public double? RateOfClimbSigmaFeetPerMinute => _view.Has(8) ? _view.Subfield(8)[0] * 6.25 : null;
}
