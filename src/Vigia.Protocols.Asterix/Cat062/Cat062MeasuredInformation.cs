using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/340 Measured Information: the last sensor report used to update the track (null parts when not sent).</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/340, compound: SID, POS, HEIGHT, MDC, MDA, TYP. Thread-safety: a view.</remarks>
public readonly ref struct Cat062MeasuredInformation
{
    private readonly CompoundView _view;

    internal Cat062MeasuredInformation(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.MeasuredInformation);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/340.</summary>
    public bool IsPresent { get; }

    /// <summary>SID: the sensor (SAC/SIC).</summary>
    public DataSourceIdentifier? Sensor => _view.Has(1) ? DataSourceIdentifier.From(_view.Subfield(1)) : null;

    /// <summary>POS: measured polar position relative to that sensor.</summary>
    public PolarPosition? Position => _view.Has(2) ? PolarPosition.From(_view.Subfield(2), 0) : null;

    /// <summary>HEIGHT: measured 3-D height in feet (LSB 25 ft).</summary>
    public double? Height3DFeet => _view.Has(3) ? BigEndian.S16(_view.Subfield(3), 0) * 25.0 : null;

    /// <summary>MDC: raw subfield (V, G, last measured Mode C code in 1/4 FL, 14 bits two's complement).</summary>
    public ushort? RawModeC => _view.Has(4) ? BigEndian.U16(_view.Subfield(4), 0) : null;

    /// <summary>MDC: the last measured Mode C code in flight levels.</summary>
    public double? ModeCFlightLevel => RawModeC is { } raw ? BigEndian.SignExtend(raw & 0x3FFF, 14) / 4.0 : null;

    /// <summary>MDA: the last measured Mode 3/A code (V, G, L).</summary>
    public Mode3ACode? Mode3A => _view.Has(5) ? new Mode3ACode(BigEndian.U16(_view.Subfield(5), 0)) : null;

    /// <summary>TYP: raw octet TYP(3) SIM RAB TST spare(2); TYP as in I048/020.</summary>
    public byte? RawReportType => _view.Has(6) ? _view.Subfield(6)[0] : null;
}
