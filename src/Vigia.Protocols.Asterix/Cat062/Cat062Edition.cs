namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>Which CAT-062 UAP a source uses: editions differ in item order and layout, and nothing on the wire says which.</summary>
public enum Cat062Edition
{
    /// <summary>Editions 1.x (UAP of EUROCONTROL-SPEC-0149-9 edition 1.18; FRNs and item lengths as in 1.16–1.20). The default.</summary>
    Edition1 = 0,

    /// <summary>
    /// The pre-release edition 0.17 (2000s ARTAS feeds): a different UAP and different scaling (for example I062/105 in
    /// 180°/2²³ on 6 octets). Recognised and refused as <see cref="DecodeStatus.Unsupported"/>: its specification is not
    /// public, and a 1.x decode of such data would give wrong values.
    /// </summary>
    Edition0Dot17 = 1,
}
