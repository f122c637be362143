namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>I034/050 System Configuration and Status: common part and per-sensor status octets, each null when absent.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-2b §I034/050, compound. COM: NOGO RDPC RDPR OVL-RDP OVL-XMT MSC TSV spare; PSR and SSR:
/// ANT CH-A/B(2) OVL MSC spare(3); MDS: ANT CH-A/B(2) OVL-SUR MSC SCF DLF OVL-SCF OVL-DLF spare(7). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat034SystemConfiguration(byte? Common, byte? Psr, byte? Ssr, ushort? ModeS)
{
    /// <summary>NOGO: operational use of the system is inhibited (data to be discarded by an operational SDPS).</summary>
    public bool IsNoGo => (Common & 0x80) != 0;

    /// <summary>RDPC: radar data processor chain 2 selected (false: chain 1).</summary>
    public bool IsRdpChain2 => (Common & 0x40) != 0;

    /// <summary>RDPR: the selected RDP chain was reset (expect new track numbers).</summary>
    public bool IsRdpReset => (Common & 0x20) != 0;

    /// <summary>OVL-RDP: radar data processor overload.</summary>
    public bool IsRdpOverloaded => (Common & 0x10) != 0;

    /// <summary>OVL-XMT: transmission subsystem overload.</summary>
    public bool IsTransmissionOverloaded => (Common & 0x08) != 0;

    /// <summary>MSC: monitoring system disconnected.</summary>
    public bool IsMonitoringDisconnected => (Common & 0x04) != 0;

    /// <summary>TSV: time source invalid.</summary>
    public bool IsTimeSourceInvalid => (Common & 0x02) != 0;

    internal static Cat034SystemConfiguration From(ReadOnlySpan<byte> item)
    {
        var view = new Layout.CompoundView(item, Cat034Uap.SystemConfiguration);
        return new Cat034SystemConfiguration(
            view.Has(1) ? view.Subfield(1)[0] : null,
            view.Has(4) ? view.Subfield(4)[0] : null,
            view.Has(5) ? view.Subfield(5)[0] : null,
            view.Has(6) ? Layout.BigEndian.U16(view.Subfield(6), 0) : null);
    }
}
