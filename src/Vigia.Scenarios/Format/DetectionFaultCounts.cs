using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

/// <summary>
/// Detections a reader skipped, counted by <see cref="ObservationFault"/> reason. Detection-level
/// faults never stop a read; they are counted here instead.
/// </summary>
/// <remarks>Thread-safety: not thread-safe; one reader owns one instance.</remarks>
public sealed class DetectionFaultCounts
{
    private static readonly ObservationFault[] Reasons = Enum.GetValues<ObservationFault>();

    private readonly long[] _counts = new long[Reasons.Max(r => (int)r) + 1];

    /// <summary>Total skipped detections, all reasons.</summary>
    public long Total { get; private set; }

    /// <summary>Skipped detections for one reason (0 for <see cref="ObservationFault.None"/> or unknown values).</summary>
    public long this[ObservationFault reason] =>
        (uint)reason < (uint)_counts.Length ? _counts[(int)reason] : 0;

    /// <summary>The reasons with a non-zero count, in enum order.</summary>
    public IEnumerable<KeyValuePair<ObservationFault, long>> NonZero
    {
        get
        {
            foreach (var reason in Reasons)
            {
                if (reason != ObservationFault.None && _counts[(int)reason] > 0)
                {
                    yield return new(reason, _counts[(int)reason]);
                }
            }
        }
    }

    /// <summary>Counts one skipped detection.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="ObservationFault.None"/> or not a defined value.</exception>
    public void Add(ObservationFault reason)
    {
        if (reason == ObservationFault.None || (uint)reason >= (uint)_counts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a fault reason");
        }

        _counts[(int)reason]++;
        Total++;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Total == 0 ? "none" : string.Join(", ", NonZero.Select(p => $"{p.Key}={p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
