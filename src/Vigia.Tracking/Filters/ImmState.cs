namespace Vigia.Tracking.Filters;

/// <summary>
/// The per-track state of an interacting-multiple-model filter: one Gaussian per motion model,
/// the model probabilities, and their moment-matched combination (what the track reports and
/// what association scores). Fixed size: allocated once per track.
/// </summary>
/// <remarks>Thread-safety: mutable; owned by the single tracker loop.</remarks>
public sealed class ImmState
{
    /// <summary>Creates a state for <paramref name="modelCount"/> models, all zero.</summary>
    public ImmState(int modelCount)
    {
        Models = new GaussianState[modelCount];
        for (var i = 0; i < modelCount; i++)
        {
            Models[i] = new GaussianState();
        }

        Probabilities = new double[modelCount];
    }

    /// <summary>Per-model estimates.</summary>
    public GaussianState[] Models { get; }

    /// <summary>Model probabilities μ (sum 1).</summary>
    public double[] Probabilities { get; }

    /// <summary>Moment-matched combination of the model estimates.</summary>
    public GaussianState Combined { get; } = new();
}
