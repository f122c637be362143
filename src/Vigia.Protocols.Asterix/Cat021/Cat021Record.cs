using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat021.Cat021Uap;

namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>
/// One CAT-021 ADS-B target report (edition 2.x): a view over its record octets; item properties decode when read and
/// are null (or empty) when the item is absent.
/// </summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-12 (ASTERIX Part 12, CAT-021) edition 2.6. A ref struct over the caller's bytes.
/// Thread-safety: a view.
/// </remarks>
public ref partial struct Cat021Record
{
    internal RecordCore Core;

    /// <summary>The record octets, FSPEC first.</summary>
    public readonly ReadOnlySpan<byte> Bytes => Core.Bytes;

    /// <summary>The byte offset of the record in the decoded span.</summary>
    public readonly int Offset => Core.Offset;

    /// <summary>The items present (the FSPEC).</summary>
    public readonly Cat021Items Items => (Cat021Items)Core.Items;

    /// <summary>I021/010 Data Source Identification (the ground station).</summary>
    public readonly DataSourceIdentifier? DataSource =>
        Core.Has(I010) ? DataSourceIdentifier.From(Core.Bytes[Core.At(I010)..]) : null;

    /// <summary>I021/040 Target Report Descriptor.</summary>
    public readonly Cat021TargetReportDescriptor? TargetReportDescriptor =>
        Core.Has(I040) ? Cat021TargetReportDescriptor.From(Core.Item(I040)) : null;

    /// <summary>I021/161 Track Number (12 bits).</summary>
    public readonly ushort? TrackNumber => Core.Has(I161) ? (ushort)(BigEndian.U16(Core.Bytes, Core.At(I161)) & 0x0FFF) : null;

    /// <summary>I021/015 Service Identification.</summary>
    public readonly byte? ServiceIdentification => Core.Has(I015) ? Core.Bytes[Core.At(I015)] : null;

    /// <summary>I021/071 Time of Applicability for Position.</summary>
    public readonly AsterixTimeOfDay? TimeOfApplicabilityPosition => Time(I071);

    /// <summary>I021/130 Position in WGS-84 Co-ordinates (24 bits each, LSB 180°/2²³).</summary>
    public readonly GeodeticPosition? Position
    {
        get
        {
            if (!Core.Has(I130))
            {
                return null;
            }

            const double Lsb = 180.0 / (1 << 23);
            var at = Core.At(I130);
            return new GeodeticPosition(BigEndian.S24(Core.Bytes, at) * Lsb, BigEndian.S24(Core.Bytes, at + 3) * Lsb);
        }
    }

    /// <summary>I021/131 High-Resolution Position in WGS-84 Co-ordinates (32 bits each, LSB 180°/2³⁰).</summary>
    public readonly GeodeticPosition? HighResolutionPosition
    {
        get
        {
            if (!Core.Has(I131))
            {
                return null;
            }

            const double Lsb = 180.0 / (1 << 30);
            var at = Core.At(I131);
            return new GeodeticPosition(BigEndian.S32(Core.Bytes, at) * Lsb, BigEndian.S32(Core.Bytes, at + 4) * Lsb);
        }
    }

    /// <summary>I021/072 Time of Applicability for Velocity.</summary>
    public readonly AsterixTimeOfDay? TimeOfApplicabilityVelocity => Time(I072);

    /// <summary>I021/150 Air Speed (IAS or Mach).</summary>
    public readonly Cat021AirSpeed? AirSpeed => Core.Has(I150) ? new Cat021AirSpeed(BigEndian.U16(Core.Bytes, Core.At(I150))) : null;

    /// <summary>I021/151 True Airspeed (<see cref="Cat021RangedValue.AsKnots"/>).</summary>
    public readonly Cat021RangedValue? TrueAirspeed => Ranged(I151);

    /// <summary>I021/080 Target Address: the 24-bit emitter address (type in I021/040 ATP).</summary>
    public readonly uint? TargetAddress => Core.Has(I080) ? BigEndian.U24(Core.Bytes, Core.At(I080)) : null;

    /// <summary>I021/073 Time of Message Reception for Position.</summary>
    public readonly AsterixTimeOfDay? TimeOfReceptionPosition => Time(I073);

    /// <summary>I021/074 Time of Message Reception of Position, high precision.</summary>
    public readonly Cat021HighPrecisionTime? HighPrecisionTimeOfReceptionPosition =>
        Core.Has(I074) ? new Cat021HighPrecisionTime(BigEndian.U32(Core.Bytes, Core.At(I074))) : null;

    /// <summary>I021/075 Time of Message Reception for Velocity.</summary>
    public readonly AsterixTimeOfDay? TimeOfReceptionVelocity => Time(I075);

    /// <summary>I021/076 Time of Message Reception of Velocity, high precision.</summary>
    public readonly Cat021HighPrecisionTime? HighPrecisionTimeOfReceptionVelocity =>
        Core.Has(I076) ? new Cat021HighPrecisionTime(BigEndian.U32(Core.Bytes, Core.At(I076))) : null;

    /// <summary>I021/140 Geometric Height above the WGS-84 ellipsoid in feet (LSB 6.25 ft; 0x7FFF means "greater than").</summary>
    public readonly double? GeometricHeightFeet => Core.Has(I140) ? BigEndian.S16(Core.Bytes, Core.At(I140)) * 6.25 : null;

    /// <summary>I021/090 Quality Indicators.</summary>
    public readonly Cat021QualityIndicators? QualityIndicators =>
        Core.Has(I090) ? Cat021QualityIndicators.From(Core.Item(I090)) : null;

    /// <summary>I021/210 MOPS Version.</summary>
    public readonly Cat021MopsVersion? MopsVersion => Core.Has(I210) ? new Cat021MopsVersion(Core.Bytes[Core.At(I210)]) : null;

    /// <summary>I021/070 Mode 3/A Code (no V/G bits in CAT-021).</summary>
    public readonly Mode3ACode? Mode3A => Core.Has(I070) ? new Mode3ACode((ushort)(BigEndian.U16(Core.Bytes, Core.At(I070)) & 0x0FFF)) : null;

    /// <summary>I021/230 Roll Angle in degrees (LSB 0.01°, negative left wing down).</summary>
    public readonly double? RollAngleDegrees => Core.Has(I230) ? BigEndian.S16(Core.Bytes, Core.At(I230)) * 0.01 : null;

    /// <summary>I021/145 Flight Level (barometric, not QNH corrected; LSB 1/4 FL).</summary>
    public readonly double? FlightLevel => Core.Has(I145) ? BigEndian.S16(Core.Bytes, Core.At(I145)) / 4.0 : null;

    /// <summary>I021/152 Magnetic Heading in degrees (LSB 360°/2¹⁶).</summary>
    public readonly double? MagneticHeadingDegrees =>
        Core.Has(I152) ? BigEndian.U16(Core.Bytes, Core.At(I152)) * (360.0 / 65536.0) : null;

    /// <summary>I021/200 Target Status.</summary>
    public readonly Cat021TargetStatus? TargetStatus => Core.Has(I200) ? new Cat021TargetStatus(Core.Bytes[Core.At(I200)]) : null;

    /// <summary>I021/155 Barometric Vertical Rate (<see cref="Cat021RangedValue.AsFeetPerMinute"/>).</summary>
    public readonly Cat021RangedValue? BarometricVerticalRate => Ranged(I155);

    /// <summary>I021/157 Geometric Vertical Rate (<see cref="Cat021RangedValue.AsFeetPerMinute"/>).</summary>
    public readonly Cat021RangedValue? GeometricVerticalRate => Ranged(I157);

    /// <summary>I021/160 Airborne Ground Vector.</summary>
    public readonly Cat021GroundVector? AirborneGroundVector =>
        Core.Has(I160) ? new Cat021GroundVector(BigEndian.U16(Core.Bytes, Core.At(I160)), BigEndian.U16(Core.Bytes, Core.At(I160) + 2)) : null;

    private readonly AsterixTimeOfDay? Time(int frn) => Core.Has(frn) ? new AsterixTimeOfDay(BigEndian.U24(Core.Bytes, Core.At(frn))) : null;

    private readonly Cat021RangedValue? Ranged(int frn) => Core.Has(frn) ? new Cat021RangedValue(BigEndian.U16(Core.Bytes, Core.At(frn))) : null;
}
