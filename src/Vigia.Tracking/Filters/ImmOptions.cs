using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>Configuration of an <see cref="InteractingMultipleModel"/> filter.</summary>
public sealed record ImmOptions
{
    /// <summary>Motion models (at most 8).</summary>
    public required IReadOnlyList<ITransitionModel> Models { get; init; }

    /// <summary>Mean time spent in each model before switching, seconds (&gt; 0), one per model.</summary>
    public required IReadOnlyList<double> MeanSojournSeconds { get; init; }

    /// <summary>Relative probability of switching into each model, one per model.</summary>
    public required IReadOnlyList<double> SwitchWeights { get; init; }

    /// <summary>Model probabilities of a new track, one per model (normalised to sum to 1).</summary>
    public required IReadOnlyList<double> InitialProbabilities { get; init; }
}
