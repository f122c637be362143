namespace Vigia.Core.Geodesy;

/// <summary>
/// A geoid model that returns one site-supplied undulation everywhere, e.g. the value surveyed at the
/// installation or read once from EGM2008 for the site.
/// </summary>
/// <remarks>
/// A local approximation only: the real geoid changes by centimetres to decimetres per kilometre (more
/// in mountains), so use it for heights within a few tens of kilometres of where the value holds, and
/// a gridded model elsewhere.
/// Thread-safety: immutable; safe to share.
/// </remarks>
public sealed class ConstantGeoidModel : IGeoidModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="undulationMeters">The undulation N = h_ellipsoid − H_msl at the site, metres.</param>
    /// <exception cref="ArgumentOutOfRangeException">The undulation is not finite.</exception>
    public ConstantGeoidModel(double undulationMeters)
    {
        if (!double.IsFinite(undulationMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(undulationMeters), undulationMeters, "undulation must be finite");
        }

        UndulationMeters = undulationMeters;
    }

    /// <summary>The undulation N = h_ellipsoid − H_msl used everywhere, metres.</summary>
    public double UndulationMeters { get; }

    /// <inheritdoc />
    public double GeoidUndulationMeters(double latitudeDegrees, double longitudeDegrees) => UndulationMeters;
}
