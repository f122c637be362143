namespace Vigia.Protocols.Asterix.Cat065;

/// <summary>I065/040 SDPS Configuration and Status (one octet).</summary>
/// <remarks>EUROCONTROL-SPEC-0149-15 §I065/040: NOGO(2) OVL TSV PSS(2) STTN spare. Thread-safety: a value.</remarks>
public readonly record struct Cat065SdpsStatus(byte RawItem)
{
    /// <summary>NOGO: 0 operational, 1 degraded, 2 not currently connected, 3 unknown.</summary>
    public int OperationalState => RawItem >> 6;

    /// <summary>OVL: overload.</summary>
    public bool IsOverloaded => (RawItem & 0x20) != 0;

    /// <summary>TSV: invalid time source.</summary>
    public bool IsTimeSourceInvalid => (RawItem & 0x10) != 0;

    /// <summary>PSS: 0 not applicable, 1–3 SDPS-1 to SDPS-3 selected.</summary>
    public int ProcessingSystem => (RawItem >> 2) & 3;

    /// <summary>STTN: toggles whenever track numbering restarts.</summary>
    public bool TrackRenumberingToggle => (RawItem & 0x02) != 0;
}
