using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat062.Cat062Uap;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>
/// One CAT-062 system track (edition 1.x): a view over its record octets; item properties decode when read and are
/// null (or not present) when the item is absent.
/// </summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 (ASTERIX Part 9, CAT-062) edition 1.18. A ref struct over the caller's bytes.
/// Thread-safety: a view.
/// </remarks>
public ref partial struct Cat062Record
{
    internal RecordCore Core;

    /// <summary>The record octets, FSPEC first.</summary>
    public readonly ReadOnlySpan<byte> Bytes => Core.Bytes;

    /// <summary>The byte offset of the record in the decoded span.</summary>
    public readonly int Offset => Core.Offset;

    /// <summary>The items present (the FSPEC).</summary>
    public readonly Cat062Items Items => (Cat062Items)Core.Items;

    /// <summary>I062/010 Data Source Identifier (the SDPS).</summary>
    public readonly DataSourceIdentifier? DataSource =>
        Core.Has(I010) ? DataSourceIdentifier.From(Core.Bytes[Core.At(I010)..]) : null;

    /// <summary>I062/015 Service Identification.</summary>
    public readonly byte? ServiceIdentification => Core.Has(I015) ? Core.Bytes[Core.At(I015)] : null;

    /// <summary>I062/070 Time of Track Information: the time of the track state (UTC since midnight).</summary>
    public readonly AsterixTimeOfDay? TimeOfTrack =>
        Core.Has(I070) ? new AsterixTimeOfDay(BigEndian.U24(Core.Bytes, Core.At(I070))) : null;

    /// <summary>I062/105 Calculated Position in WGS-84 Co-ordinates (32 bits each, LSB 180°/2²⁵).</summary>
    public readonly GeodeticPosition? Wgs84Position
    {
        get
        {
            if (!Core.Has(I105))
            {
                return null;
            }

            var at = Core.At(I105);
            const double Lsb = 180.0 / (1 << 25);
            return new GeodeticPosition(BigEndian.S32(Core.Bytes, at) * Lsb, BigEndian.S32(Core.Bytes, at + 4) * Lsb);
        }
    }

    /// <summary>I062/100 Calculated Track Position (Cartesian, LSB 0.5 m).</summary>
    public readonly Cat062CartesianPosition? CartesianPosition =>
        Core.Has(I100)
            ? new Cat062CartesianPosition(BigEndian.S24(Core.Bytes, Core.At(I100)), BigEndian.S24(Core.Bytes, Core.At(I100) + 3))
            : null;

    /// <summary>I062/185 Calculated Track Velocity (Cartesian, LSB 0.25 m/s).</summary>
    public readonly Cat062Velocity? Velocity =>
        Core.Has(I185) ? new Cat062Velocity(BigEndian.S16(Core.Bytes, Core.At(I185)), BigEndian.S16(Core.Bytes, Core.At(I185) + 2)) : null;

    /// <summary>I062/210 Calculated Acceleration (Cartesian, LSB 0.25 m/s²).</summary>
    public readonly Cat062Acceleration? Acceleration =>
        Core.Has(I210) ? new Cat062Acceleration((sbyte)Core.Bytes[Core.At(I210)], (sbyte)Core.Bytes[Core.At(I210) + 1]) : null;

    /// <summary>I062/060 Track Mode 3/A Code (V, G, CH and the code).</summary>
    public readonly Mode3ACode? Mode3A => Core.Has(I060) ? new Mode3ACode(BigEndian.U16(Core.Bytes, Core.At(I060))) : null;

    /// <summary>I062/245 Target Identification.</summary>
    public readonly Cat062TargetIdentification? TargetIdentification =>
        Core.Has(I245)
            ? new Cat062TargetIdentification(Core.Bytes[Core.At(I245)] >> 6, Asterix.AircraftIdentification.From(Core.Bytes, Core.At(I245) + 1))
            : null;

    /// <summary>I062/380 Aircraft Derived Data (<see cref="Cat062AircraftDerivedData.IsPresent"/> false when absent).</summary>
    public readonly Cat062AircraftDerivedData AircraftDerivedData => new(Core.Item(I380));

    /// <summary>I062/040 Track Number (16 bits).</summary>
    public readonly ushort? TrackNumber => Core.Has(I040) ? BigEndian.U16(Core.Bytes, Core.At(I040)) : null;

    /// <summary>I062/080 Track Status.</summary>
    public readonly Cat062TrackStatus? TrackStatus => Core.Has(I080) ? Cat062TrackStatus.From(Core.Item(I080)) : null;

    /// <summary>I062/290 System Track Update Ages (<see cref="Cat062UpdateAges.IsPresent"/> false when absent).</summary>
    public readonly Cat062UpdateAges UpdateAges => new(Core.Item(I290));

    /// <summary>I062/200 Mode of Movement.</summary>
    public readonly Cat062ModeOfMovement? ModeOfMovement => Core.Has(I200) ? new Cat062ModeOfMovement(Core.Bytes[Core.At(I200)]) : null;

    /// <summary>I062/295 Track Data Ages (<see cref="Cat062DataAges.IsPresent"/> false when absent).</summary>
    public readonly Cat062DataAges DataAges => new(Core.Item(I295));
}
