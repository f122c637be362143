using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/380 Aircraft Derived Data: what the aircraft itself reported (Mode S / ADS-B), each part null when not sent.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 ed. 1.18 §I062/380, compound of 28 subfields (ADR, ID, MHG, IAS, TAS, SAL, FSS, TIS, TID,
/// COM, SAB, ACS, BVR, GVR, RAN, TAR, TAN, GS, VUN, MET, EMC, POS, GAL, PUN, MB, IAR, MAC, BPS). Subfields without a
/// property here (TIS, TID, MET) are still delimited; <see cref="GetSubfield"/> gives their octets. Thread-safety: a view.
/// </remarks>
public readonly ref struct Cat062AircraftDerivedData
{
    private readonly CompoundView _view;

    internal Cat062AircraftDerivedData(ReadOnlySpan<byte> item)
    {
        _view = new CompoundView(item, Cat062Uap.AircraftDerivedData);
        IsPresent = !item.IsEmpty;
    }

    /// <summary>Whether the record carries I062/380.</summary>
    public bool IsPresent { get; }

    /// <summary>ADR: the 24-bit target address.</summary>
    public uint? TargetAddress => _view.Has(1) ? BigEndian.U24(_view.Subfield(1), 0) : null;

    /// <summary>ID: target identification (8 characters of 6 bits).</summary>
    public AircraftIdentification? TargetIdentification => _view.Has(2) ? AircraftIdentification.From(_view.Subfield(2), 0) : null;

    /// <summary>MHG: magnetic heading in degrees (LSB 360°/2¹⁶).</summary>
    public double? MagneticHeadingDegrees => _view.Has(3) ? BigEndian.U16(_view.Subfield(3), 0) * (360.0 / 65536.0) : null;

    /// <summary>IAS with IM = 0: indicated airspeed in knots (LSB 2⁻¹⁴ NM/s).</summary>
    public double? AirSpeedKnots => _view.Has(4) && (_view.Subfield(4)[0] & 0x80) == 0 ? BigEndian.U16(_view.Subfield(4), 0) / 16384.0 * 3600.0 : null;

    /// <summary>IAS with IM = 1: Mach number (LSB 0.001).</summary>
    public double? AirSpeedMach => _view.Has(4) && (_view.Subfield(4)[0] & 0x80) != 0 ? (BigEndian.U16(_view.Subfield(4), 0) & 0x7FFF) * 0.001 : null;

    /// <summary>TAS: true airspeed in knots.</summary>
    public int? TrueAirspeedKnots => _view.Has(5) ? BigEndian.U16(_view.Subfield(5), 0) : null;

    /// <summary>SAL: selected altitude in feet (13 bits two's complement, LSB 25 ft).</summary>
    public double? SelectedAltitudeFeet => _view.Has(6) ? Altitude13(_view.Subfield(6)) : null;

    /// <summary>FSS: final state selected altitude in feet (13 bits two's complement, LSB 25 ft).</summary>
    public double? FinalStateSelectedAltitudeFeet => _view.Has(7) ? Altitude13(_view.Subfield(7)) : null;

    /// <summary>COM: communications/ACAS capability and flight status.</summary>
    public ModeSCapability? CommunicationsCapability => _view.Has(10) ? new ModeSCapability(BigEndian.U16(_view.Subfield(10), 0)) : null;

    /// <summary>SAB: status reported by ADS-B, raw (AC MN DC GBS spare STAT).</summary>
    public ushort? RawAdsBStatus => _view.Has(11) ? BigEndian.U16(_view.Subfield(11), 0) : null;

    /// <summary>BVR: barometric vertical rate in ft/min (LSB 6.25).</summary>
    public double? BarometricVerticalRateFeetPerMinute => _view.Has(13) ? BigEndian.S16(_view.Subfield(13), 0) * 6.25 : null;

    /// <summary>GVR: geometric vertical rate in ft/min (LSB 6.25).</summary>
    public double? GeometricVerticalRateFeetPerMinute => _view.Has(14) ? BigEndian.S16(_view.Subfield(14), 0) * 6.25 : null;

    /// <summary>RAN: roll angle in degrees (LSB 0.01°).</summary>
    public double? RollAngleDegrees => _view.Has(15) ? BigEndian.S16(_view.Subfield(15), 0) * 0.01 : null;

    /// <summary>TAN: track angle in degrees (LSB 360°/2¹⁶).</summary>
    public double? TrackAngleDegrees => _view.Has(17) ? BigEndian.U16(_view.Subfield(17), 0) * (360.0 / 65536.0) : null;

    /// <summary>GS: ground speed in knots (two's complement, LSB 2⁻¹⁴ NM/s).</summary>
    public double? GroundSpeedKnots => _view.Has(18) ? BigEndian.S16(_view.Subfield(18), 0) / 16384.0 * 3600.0 : null;

    /// <summary>VUN: velocity uncertainty category.</summary>
    public byte? VelocityUncertainty => _view.Has(19) ? _view.Subfield(19)[0] : null;

    /// <summary>EMC: emitter category (1 light … 13 unmanned aerial vehicle … 24).</summary>
    public byte? EmitterCategory => _view.Has(21) ? _view.Subfield(21)[0] : null;

    /// <summary>POS: position reported by the aircraft (LSB 180°/2²³).</summary>
    public GeodeticPosition? Position
    {
        get
        {
            if (!_view.Has(22))
            {
                return null;
            }

            var s = _view.Subfield(22);
            const double Lsb = 180.0 / (1 << 23);
            return new GeodeticPosition(BigEndian.S24(s, 0) * Lsb, BigEndian.S24(s, 3) * Lsb);
        }
    }

    /// <summary>GAL: geometric altitude in feet (LSB 6.25 ft).</summary>
    public double? GeometricAltitudeFeet => _view.Has(23) ? BigEndian.S16(_view.Subfield(23), 0) * 6.25 : null;

    /// <summary>PUN: position uncertainty category (4 bits).</summary>
    public byte? PositionUncertainty => _view.Has(24) ? (byte)(_view.Subfield(24)[0] & 0x0F) : null;

    /// <summary>MB: the number of Mode S Comm-B registers (0 when not sent).</summary>
    public int ModeSMbDataCount => _view.Has(25) ? _view.Subfield(25)[0] : 0;

    /// <summary>IAR: indicated airspeed in knots.</summary>
    public int? IndicatedAirspeedKnots => _view.Has(26) ? BigEndian.S16(_view.Subfield(26), 0) : null;

    /// <summary>MAC: Mach number (LSB 0.008).</summary>
    public double? MachNumber => _view.Has(27) ? BigEndian.S16(_view.Subfield(27), 0) * 0.008 : null;

    /// <summary>BPS: barometric pressure setting in hPa (12 bits, LSB 0.1 mb, sent as the setting minus 800 mb).</summary>
    public double? BarometricPressureSettingHectopascals => _view.Has(28) ? ((BigEndian.U16(_view.Subfield(28), 0) & 0x0FFF) * 0.1) + 800.0 : null;

    /// <summary>MB: register <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="ModeSMbDataCount"/>.</exception>
    public BdsRegister GetModeSMbData(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ModeSMbDataCount);
        return BdsRegister.From(_view.Subfield(25).Slice(1 + (index * BdsRegister.Size), BdsRegister.Size));
    }

    /// <summary>The octets of subfield <paramref name="subfield"/> (1–28, as numbered in the specification), empty when not sent.</summary>
    public ReadOnlySpan<byte> GetSubfield(int subfield)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subfield, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subfield, 28);
        return _view.Subfield(subfield);
    }

    private static double Altitude13(ReadOnlySpan<byte> s) => BigEndian.SignExtend(BigEndian.U16(s, 0) & 0x1FFF, 13) * 25.0;
}
