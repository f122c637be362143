namespace Vigia.Protocols.Adsb;

/// <summary>Counters of an <see cref="AircraftStateTable"/> (monotonic; read them for health and metrics).</summary>
/// <remarks>Thread-safety: written by the table's single owner thread; reads from elsewhere may be stale.</remarks>
public sealed class AircraftStateCounters
{
    /// <summary>Messages applied to a known or new aircraft.</summary>
    public long Applied { get; internal set; }

    /// <summary>Address/Parity replies whose recovered address is not in the table (dropped: likely bit errors).</summary>
    public long UnknownAddress { get; internal set; }

    /// <summary>Aircraft dropped to make room for a new one.</summary>
    public long Evicted { get; internal set; }

    /// <summary>Positions from a global (even/odd) decode.</summary>
    public long GlobalPositions { get; internal set; }

    /// <summary>Global decodes refused because the pair straddled an NL zone boundary, or a surface pair had no reference.</summary>
    public long GlobalSkipped { get; internal set; }

    /// <summary>Global results beyond the receiver's range or failing the speed test against the last position (both frames were discarded).</summary>
    public long GlobalRejected { get; internal set; }

    /// <summary>Positions from a local decode (against the aircraft or the receiver).</summary>
    public long LocalPositions { get; internal set; }

    /// <summary>Position messages that gave no position (no pair, no usable reference, or a range check failed).</summary>
    public long PositionsUnresolved { get; internal set; }
}
