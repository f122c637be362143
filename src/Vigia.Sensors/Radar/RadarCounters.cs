namespace Vigia.Sensors.Radar;

/// <summary>What the adapter saw from one source (a SAC/SIC), or from no identifiable source.</summary>
/// <remarks>
/// Written by the one loop that owns the adapter; other threads may read (values can be a little stale, each one
/// whole). A malformed record or unsupported block is charged to the SAC/SIC of its block's first record when that
/// record starts with I010 (FRN 1 in every standard category), else to <see cref="RadarAdapter.Unattributed"/>.
/// </remarks>
public sealed class RadarCounters
{
    private readonly long[] _rejected = new long[Enum.GetValues<RadarRejectReason>().Length];

    /// <summary>Well-formed records, duplicates included.</summary>
    public long Records { get; private set; }

    /// <summary>Records dropped as copies from a redundant network.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Malformed records and framing errors (each ends the rest of its block).</summary>
    public long Malformed { get; private set; }

    /// <summary>Blocks of an unsupported category or edition.</summary>
    public long Unsupported { get; private set; }

    /// <summary>CAT-034 and CAT-065 service and status messages.</summary>
    public long ServiceMessages { get; private set; }

    /// <summary>Observations produced.</summary>
    public long Observations { get; private set; }

    /// <summary>Well-formed records that gave no observation, by reason.</summary>
    public long Rejected(RadarRejectReason reason) => Volatile.Read(ref _rejected[(int)reason]);

    /// <summary>All rejections.</summary>
    public long RejectedTotal
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < _rejected.Length; i++)
            {
                sum += Volatile.Read(ref _rejected[i]);
            }

            return sum;
        }
    }

    internal void CountRecord() => Records++;

    internal void CountDuplicate() => Duplicates++;

    internal void CountMalformed() => Malformed++;

    internal void CountUnsupported() => Unsupported++;

    internal void CountServiceMessage() => ServiceMessages++;

    internal void CountObservation() => Observations++;

    internal void Reject(RadarRejectReason reason) => _rejected[(int)reason]++;
}
