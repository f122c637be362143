using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat021.Cat021Uap;

namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>Identity, intent and link items (FRN 27–49).</summary>
public ref partial struct Cat021Record
{
    /// <summary>I021/165 Track Angle Rate in degrees per second (10 bits two's complement, LSB 1/32 °/s, positive right).</summary>
    public readonly double? TrackAngleRateDegreesPerSecond =>
        Core.Has(I165) ? BigEndian.SignExtend(BigEndian.U16(Core.Bytes, Core.At(I165)) & 0x03FF, 10) / 32.0 : null;

    /// <summary>I021/077 Time of ASTERIX Report Transmission.</summary>
    public readonly AsterixTimeOfDay? TimeOfReportTransmission => Time(I077);

    /// <summary>I021/170 Target Identification (callsign, 8 characters of 6 bits).</summary>
    public readonly AircraftIdentification? TargetIdentification =>
        Core.Has(I170) ? AircraftIdentification.From(Core.Bytes, Core.At(I170)) : null;

    /// <summary>I021/020 Emitter Category (0 none, 1 light … 13 unmanned aerial vehicle … 24 line obstacle).</summary>
    public readonly byte? EmitterCategory => Core.Has(I020) ? Core.Bytes[Core.At(I020)] : null;

    /// <summary>I021/220 Met Information, raw compound octets (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> MetInformation => Core.Item(I220);

    /// <summary>I021/146 Selected Altitude in feet (13 bits two's complement, LSB 25 ft).</summary>
    public readonly double? SelectedAltitudeFeet =>
        Core.Has(I146) ? BigEndian.SignExtend(BigEndian.U16(Core.Bytes, Core.At(I146)) & 0x1FFF, 13) * 25.0 : null;

    /// <summary>I021/148 Final State Selected Altitude in feet (13 bits two's complement, LSB 25 ft).</summary>
    public readonly double? FinalStateSelectedAltitudeFeet =>
        Core.Has(I148) ? BigEndian.SignExtend(BigEndian.U16(Core.Bytes, Core.At(I148)) & 0x1FFF, 13) * 25.0 : null;

    /// <summary>I021/110 Trajectory Intent, raw compound octets (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> TrajectoryIntent => Core.Item(I110);

    /// <summary>I021/016 Service Management: the report period in seconds (LSB 0.5 s).</summary>
    public readonly double? ServiceManagementSeconds => Core.Has(I016) ? Core.Bytes[Core.At(I016)] * 0.5 : null;

    /// <summary>I021/008 Aircraft Operational Status, raw (RA TC(2) TS ARV CDTI-A not-TCAS SA).</summary>
    public readonly byte? AircraftOperationalStatus => Core.Has(I008) ? Core.Bytes[Core.At(I008)] : null;

    /// <summary>I021/271 Surface Capabilities and Characteristics, raw octets (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> SurfaceCapabilities => Core.Item(I271);

    /// <summary>I021/132 Message Amplitude in dBm (two's complement).</summary>
    public readonly int? MessageAmplitudeDbm => Core.Has(I132) ? (sbyte)Core.Bytes[Core.At(I132)] : null;

    /// <summary>I021/250 Mode S MB Data: the number of registers (0 when absent).</summary>
    public readonly int ModeSMbDataCount => Core.Has(I250) ? Core.Bytes[Core.At(I250)] : 0;

    /// <summary>I021/250 Mode S MB Data: register <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="ModeSMbDataCount"/>.</exception>
    public readonly BdsRegister GetModeSMbData(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ModeSMbDataCount);
        return BdsRegister.From(Core.Bytes.Slice(Core.At(I250) + 1 + (index * BdsRegister.Size), BdsRegister.Size));
    }

    /// <summary>I021/260 ACAS Resolution Advisory Report, raw 7 octets (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> AcasResolutionAdvisory => Core.Item(I260);

    /// <summary>I021/400 Receiver ID (ground station in a distributed system).</summary>
    public readonly byte? ReceiverId => Core.Has(I400) ? Core.Bytes[Core.At(I400)] : null;

    /// <summary>I021/295 Data Ages (<see cref="Cat021DataAges.IsPresent"/> false when absent).</summary>
    public readonly Cat021DataAges DataAges => new(Core.Item(I295));

    /// <summary>RE Reserved Expansion Field after its length octet (empty when absent). Skipped by length, not interpreted.</summary>
    public readonly ReadOnlySpan<byte> ReservedExpansion => Explicit(Re);

    /// <summary>SP Special Purpose Field after its length octet (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> SpecialPurpose => Explicit(Sp);

    private readonly ReadOnlySpan<byte> Explicit(int frn)
    {
        var item = Core.Item(frn);
        return item.IsEmpty ? item : item[1..];
    }
}
