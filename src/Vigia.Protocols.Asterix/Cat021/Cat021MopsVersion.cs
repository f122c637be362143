namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>I021/210 MOPS Version: the ADS-B link and its MOPS version.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-12 ed. 2.6 §I021/210: spare, VNS, VN(3), LTT(3). Thread-safety: a value.</remarks>
public readonly record struct Cat021MopsVersion(byte RawItem)
{
    /// <summary>VNS: the version is not supported by the ground station.</summary>
    public bool IsNotSupported => (RawItem & 0x40) != 0;

    /// <summary>VN: 0 DO-260, 1 DO-260A, 2 DO-260B, 3 DO-260C.</summary>
    public int VersionNumber => (RawItem >> 3) & 7;

    /// <summary>LTT: 0 other, 1 UAT, 2 1090 ES, 3 VDL 4.</summary>
    public int LinkTechnology => RawItem & 7;
}
