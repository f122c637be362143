namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>I034/060 System Processing Mode: common part and per-sensor octets, each null when absent.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-2b §I034/060, compound. COM: spare, RED-RDP(3), RED-XMT(3), spare; PSR: POL RED-RAD(3)
/// STC(2) spare(2); SSR: RED-RAD(3) spare(5); MDS: RED-RAD(3) CLU spare(4). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat034ProcessingMode(byte? Common, byte? Psr, byte? Ssr, byte? ModeS)
{
    /// <summary>RED-RDP: reduction step in use for an RDP overload (0 none … 7).</summary>
    public int RdpReductionStep => ((Common ?? 0) >> 4) & 7;

    /// <summary>RED-XMT: reduction step in use for a transmission overload (0 none … 7).</summary>
    public int TransmissionReductionStep => ((Common ?? 0) >> 1) & 7;

    internal static Cat034ProcessingMode From(ReadOnlySpan<byte> item)
    {
        var view = new Layout.CompoundView(item, Cat034Uap.ProcessingMode);
        return new Cat034ProcessingMode(
            view.Has(1) ? view.Subfield(1)[0] : null,
            view.Has(4) ? view.Subfield(4)[0] : null,
            view.Has(5) ? view.Subfield(5)[0] : null,
            view.Has(6) ? view.Subfield(6)[0] : null);
    }
}
