namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/200 Mode of Movement: transversal, longitudinal and vertical trends and the altitude discrepancy flag.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 §I062/200: TRANS(2) LONG(2) VERT(2) ADF spare. Thread-safety: a value.</remarks>
public readonly record struct Cat062ModeOfMovement(byte RawItem)
{
    /// <summary>TRANS: 0 constant course, 1 right turn, 2 left turn, 3 undetermined.</summary>
    public int Transversal => RawItem >> 6;

    /// <summary>LONG: 0 constant ground speed, 1 increasing, 2 decreasing, 3 undetermined.</summary>
    public int Longitudinal => (RawItem >> 4) & 3;

    /// <summary>VERT: 0 level, 1 climb, 2 descent, 3 undetermined.</summary>
    public int Vertical => (RawItem >> 2) & 3;

    /// <summary>ADF: altitude discrepancy between radar and other sources.</summary>
    public bool HasAltitudeDiscrepancy => (RawItem & 0x02) != 0;
}
