using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/110 Mode 5 Data Reports and Extended Mode 1 Code (null parts when not sent).</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/110, compound: SUM, PMN, POS (LSB 180°/2²³), GA (14 bits, 25 ft), EM1, TOS
/// (1/128 s), XP. Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat062Mode5
{
    private readonly CompoundView _view;

    internal Cat062Mode5(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.Mode5);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/110.</summary>
    public bool IsPresent { get; }

    /// <summary>SUM: Mode 5 summary, raw (M5 ID DA M1 M2 M3 MC X).</summary>
    public byte? Summary => _view.Has(1) ? _view.Subfield(1)[0] : null;

    /// <summary>PMN: PIN, national origin and mission code, raw 32 bits.</summary>
    public uint? RawPinNationalOriginMission => _view.Has(2) ? BigEndian.U32(_view.Subfield(2), 0) : null;

    /// <summary>POS: Mode 5 reported position.</summary>
    public GeodeticPosition? Position
    {
        get
        {
            if (!_view.Has(3))
            {
                return null;
            }

            var s = _view.Subfield(3);
            const double Lsb = 180.0 / (1 << 23);
            return new GeodeticPosition(BigEndian.S24(s, 0) * Lsb, BigEndian.S24(s, 3) * Lsb);
        }
    }

    /// <summary>GA: GNSS-derived altitude in feet above the WGS-84 ellipsoid.</summary>
    public double? GnssAltitudeFeet => _view.Has(4) ? BigEndian.SignExtend(BigEndian.U16(_view.Subfield(4), 0) & 0x3FFF, 14) * 25.0 : null;

    /// <summary>EM1: extended Mode 1 code (12 bits).</summary>
    public ushort? ExtendedMode1Code => _view.Has(5) ? (ushort)(BigEndian.U16(_view.Subfield(5), 0) & 0x0FFF) : null;

    /// <summary>TOS: time offset of POS and GA relative to the time of track, in seconds.</summary>
    public double? TimeOffsetSeconds => _view.Has(6) ? (sbyte)_view.Subfield(6)[0] / 128.0 : null;

    /// <summary>XP: X-pulse presence bits, raw.</summary>
    public byte? XPulses => _view.Has(7) ? _view.Subfield(7)[0] : null;
}
