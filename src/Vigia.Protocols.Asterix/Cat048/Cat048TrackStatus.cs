namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/170 Track Status of a monoradar track (1 or 2 octets).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 §I048/170. Primary octet CNF RAD DOU MAH CDM; extension TRE GHO SUP TCC. Absent extension
/// bits read as zero. Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048TrackStatus(ushort RawOctets, int OctetCount)
{
    /// <summary>CNF: tentative (true) or confirmed track.</summary>
    public bool IsTentative => (RawOctets & 0x8000) != 0;

    /// <summary>RAD: 0 combined, 1 PSR, 2 SSR/Mode S, 3 invalid.</summary>
    public int SensorType => (RawOctets >> 13) & 3;

    /// <summary>DOU: low confidence in the plot-to-track association.</summary>
    public bool IsDoubtful => (RawOctets & 0x1000) != 0;

    /// <summary>MAH: horizontal manoeuvre sensed.</summary>
    public bool IsManoeuvring => (RawOctets & 0x0800) != 0;

    /// <summary>CDM: 0 maintaining, 1 climbing, 2 descending, 3 unknown.</summary>
    public int ClimbDescentMode => (RawOctets >> 9) & 3;

    /// <summary>TRE (extension): end of track lifetime, the last report for this track.</summary>
    public bool IsEndOfTrack => (RawOctets & 0x0080) != 0;

    /// <summary>GHO (extension): ghost target track.</summary>
    public bool IsGhost => (RawOctets & 0x0040) != 0;

    /// <summary>SUP (extension): maintained with information from a neighbouring node.</summary>
    public bool IsSupplemented => (RawOctets & 0x0020) != 0;

    /// <summary>TCC (extension): slant range corrected and projected to a plane (false: radar plane).</summary>
    public bool IsProjected => (RawOctets & 0x0010) != 0;

    internal static Cat048TrackStatus From(ReadOnlySpan<byte> item) =>
        item.Length > 1 ? new((ushort)((item[0] << 8) | item[1]), 2) : new((ushort)(item[0] << 8), 1);
}
