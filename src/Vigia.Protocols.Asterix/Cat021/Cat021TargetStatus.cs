namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/200 Target Status.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/200: ICF, LNAV, ME, PS(3), SS(2). Thread-safety: a value.</remarks>
public readonly record struct Cat021TargetStatus(byte RawItem)
{
    /// <summary>ICF: intent change flag raised.</summary>
    public bool IsIntentChange => (RawItem & 0x80) != 0;

    /// <summary>LNAV: LNAV mode not engaged (the bit is reversed against DO-260).</summary>
    public bool IsLnavNotEngaged => (RawItem & 0x40) != 0;

    /// <summary>ME: military emergency.</summary>
    public bool IsMilitaryEmergency => (RawItem & 0x20) != 0;

    /// <summary>PS: priority status, 0 none, 1 general emergency, 2 medical, 3 minimum fuel, 4 no comms, 5 unlawful interference, 6 downed.</summary>
    public int PriorityStatus => (RawItem >> 2) & 7;

    /// <summary>SS: surveillance status, 0 none, 1 permanent alert, 2 temporary alert, 3 SPI.</summary>
    public int SurveillanceStatus => RawItem & 3;
}
