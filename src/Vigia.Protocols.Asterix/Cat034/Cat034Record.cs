using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat034.Cat034Uap;

namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>
/// One CAT-034 monoradar service message (north marker, sector crossing, status): a view over its record octets;
/// each item property decodes when read and is null (or empty) when the item is absent.
/// </summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-2b (ASTERIX Part 2b, CAT-034) edition 1.29. A ref struct over the caller's bytes.
/// Thread-safety: a view.
/// </remarks>
public ref struct Cat034Record
{
    internal RecordCore Core;

    /// <summary>The record octets, FSPEC first.</summary>
    public readonly ReadOnlySpan<byte> Bytes => Core.Bytes;

    /// <summary>The byte offset of the record in the decoded span.</summary>
    public readonly int Offset => Core.Offset;

    /// <summary>The items present (the FSPEC).</summary>
    public readonly Cat034Items Items => (Cat034Items)Core.Items;

    /// <summary>I034/010 Data Source Identifier.</summary>
    public readonly DataSourceIdentifier? DataSource =>
        Core.Has(I010) ? DataSourceIdentifier.From(Core.Bytes[Core.At(I010)..]) : null;

    /// <summary>I034/000 Message Type.</summary>
    public readonly Cat034MessageType? MessageType => Core.Has(I000) ? (Cat034MessageType)Core.Bytes[Core.At(I000)] : null;

    /// <summary>I034/030 Time of Day.</summary>
    public readonly AsterixTimeOfDay? TimeOfDay =>
        Core.Has(I030) ? new AsterixTimeOfDay(BigEndian.U24(Core.Bytes, Core.At(I030))) : null;

    /// <summary>I034/020 Sector Number: the azimuth the antenna crossed, in degrees (LSB 360°/2⁸).</summary>
    public readonly double? SectorAzimuthDegrees => Core.Has(I020) ? Core.Bytes[Core.At(I020)] * (360.0 / 256.0) : null;

    /// <summary>I034/041 Antenna Rotation Period in seconds (LSB 1/128 s).</summary>
    public readonly double? AntennaRotationPeriodSeconds =>
        Core.Has(I041) ? BigEndian.U16(Core.Bytes, Core.At(I041)) / 128.0 : null;

    /// <summary>I034/050 System Configuration and Status.</summary>
    public readonly Cat034SystemConfiguration? SystemConfiguration =>
        Core.Has(I050) ? Cat034SystemConfiguration.From(Core.Item(I050)) : null;

    /// <summary>I034/060 System Processing Mode.</summary>
    public readonly Cat034ProcessingMode? ProcessingMode => Core.Has(I060) ? Cat034ProcessingMode.From(Core.Item(I060)) : null;

    /// <summary>I034/070 Message Count Values: the number of counters (0 when absent).</summary>
    public readonly int MessageCountCount => Core.Has(I070) ? Core.Bytes[Core.At(I070)] : 0;

    /// <summary>I034/070 Message Count Values: counter <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="MessageCountCount"/>.</exception>
    public readonly Cat034MessageCount GetMessageCount(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MessageCountCount);
        var value = BigEndian.U16(Core.Bytes, Core.At(I070) + 1 + (2 * index));
        return new Cat034MessageCount(value >> 11, value & 0x07FF);
    }

    /// <summary>I034/100 Generic Polar Window.</summary>
    public readonly Cat034PolarWindow? PolarWindow
    {
        get
        {
            if (!Core.Has(I100))
            {
                return null;
            }

            var at = Core.At(I100);
            return new Cat034PolarWindow(
                BigEndian.U16(Core.Bytes, at) / 256.0,
                BigEndian.U16(Core.Bytes, at + 2) / 256.0,
                BigEndian.U16(Core.Bytes, at + 4) * (360.0 / 65536.0),
                BigEndian.U16(Core.Bytes, at + 6) * (360.0 / 65536.0));
        }
    }

    /// <summary>I034/110 Data Filter (1 weather, 2 jamming strobe, 3 PSR, 4 SSR/Mode S …).</summary>
    public readonly byte? DataFilter => Core.Has(I110) ? Core.Bytes[Core.At(I110)] : null;

    /// <summary>I034/120 3D-Position of Data Source (the radar's WGS-84 position).</summary>
    public readonly Cat034SourcePosition? DataSourcePosition
    {
        get
        {
            if (!Core.Has(I120))
            {
                return null;
            }

            var at = Core.At(I120);
            const double Lsb = 180.0 / (1 << 23);
            return new Cat034SourcePosition(
                BigEndian.S16(Core.Bytes, at),
                BigEndian.S24(Core.Bytes, at + 2) * Lsb,
                BigEndian.S24(Core.Bytes, at + 5) * Lsb);
        }
    }

    /// <summary>I034/090 Collimation Error.</summary>
    public readonly Cat034CollimationError? CollimationError =>
        Core.Has(I090)
            ? new Cat034CollimationError(
                (sbyte)Core.Bytes[Core.At(I090)] / 128.0,
                (sbyte)Core.Bytes[Core.At(I090) + 1] * (360.0 / 16384.0))
            : null;

    /// <summary>RE Reserved Expansion Field after its length octet (empty when absent). Skipped by length.</summary>
    public readonly ReadOnlySpan<byte> ReservedExpansion => Explicit(Re);

    /// <summary>SP Special Purpose Field after its length octet (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> SpecialPurpose => Explicit(Sp);

    private readonly ReadOnlySpan<byte> Explicit(int frn)
    {
        var item = Core.Item(frn);
        return item.IsEmpty ? item : item[1..];
    }
}
