using Vigia.Core.Time;
using Vigia.Protocols.Asterix;

namespace Vigia.Sensors.Radar;

/// <summary>What the adapter saw from one source (a SAC/SIC), or from no identifiable source.</summary>
/// <remarks>
/// Written by the one loop that owns the adapter; other threads may read (values can be a little stale, each one
/// whole). A malformed record or unsupported block is charged to the SAC/SIC of its block's first record when that
/// record starts with I010 (FRN 1 in every standard category), else to <see cref="RadarAdapter.Unattributed"/>.
/// The last receive time and time of day are kept as whole 64-bit values, so a reader never sees half of one.
/// </remarks>
public sealed class RadarCounters
{
    private const long None = -1;

    private readonly long[] _rejected = new long[Enum.GetValues<RadarRejectReason>().Length];
    private long _lastRecordNanoseconds = long.MinValue;
    private long _lastTimeOfDayRaw = None;

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

    /// <summary>CAT-048 target reports (plots), duplicates excluded.</summary>
    public long Plots { get; private set; }

    /// <summary>CAT-062 system tracks, duplicates excluded.</summary>
    public long SystemTracks { get; private set; }

    /// <summary>When the last well-formed record arrived (for a replayed capture, when it was replayed), or null before the first.</summary>
    public Timestamp? LastRecordAt
    {
        get
        {
            var nanoseconds = Volatile.Read(ref _lastRecordNanoseconds);
            return nanoseconds == long.MinValue ? null : new Timestamp(nanoseconds);
        }
    }

    /// <summary>
    /// The time of day the last record carried (I048/140, I062/070, I034/030 or I065/030), or null when none has; the
    /// source's own clock, so its distance from <see cref="LastRecordAt"/> shows the source's clock error plus latency.
    /// </summary>
    public AsterixTimeOfDay? LastTimeOfDay
    {
        get
        {
            var raw = Volatile.Read(ref _lastTimeOfDayRaw);
            return raw == None ? null : new AsterixTimeOfDay((uint)raw);
        }
    }

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

    internal void CountRecord(Timestamp receiveTime)
    {
        Records++;
        Volatile.Write(ref _lastRecordNanoseconds, receiveTime.UnixNanoseconds);
    }

    internal void CountPlot() => Plots++;

    internal void CountSystemTrack() => SystemTracks++;

    internal void SawTimeOfDay(AsterixTimeOfDay? timeOfDay)
    {
        if (timeOfDay is { } value)
        {
            Volatile.Write(ref _lastTimeOfDayRaw, value.Raw);
        }
    }

    internal void CountDuplicate() => Duplicates++;

    internal void CountMalformed() => Malformed++;

    internal void CountUnsupported() => Unsupported++;

    internal void CountServiceMessage() => ServiceMessages++;

    internal void CountObservation() => Observations++;

    internal void Reject(RadarRejectReason reason) => _rejected[(int)reason]++;
}
