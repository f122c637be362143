using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat048.Cat048Uap;

namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>
/// One CAT-048 monoradar target report: a view over its record octets. Each item property decodes its value when
/// read and is null (or empty) when the item is absent.
/// </summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 (ASTERIX Part 4, CAT-048) editions 1.14–1.31. A ref struct over the caller's bytes:
/// valid while they are, never copied to the heap, so decoding allocates nothing. Thread-safety: a view; do not
/// share across threads while the buffer may change.
/// </remarks>
public ref partial struct Cat048Record
{
    internal RecordCore Core;

    /// <summary>The record octets, FSPEC first; their length is what the record consumed.</summary>
    public readonly ReadOnlySpan<byte> Bytes => Core.Bytes;

    /// <summary>The byte offset of the record in the span given to the decoder (the datagram for <see cref="AsterixDecoder"/>).</summary>
    public readonly int Offset => Core.Offset;

    /// <summary>The items present (the FSPEC).</summary>
    public readonly Cat048Items Items => (Cat048Items)Core.Items;

    /// <summary>Whether every item in <paramref name="items"/> is present.</summary>
    public readonly bool Has(Cat048Items items) => (Items & items) == items;

    /// <summary>I048/010 Data Source Identifier: the radar's SAC/SIC.</summary>
    public readonly DataSourceIdentifier? DataSource =>
        Core.Has(I010) ? DataSourceIdentifier.From(Core.Bytes[Core.At(I010)..]) : null;

    /// <summary>I048/140 Time of Day (UTC, 1/128 s since midnight) of the detection.</summary>
    public readonly AsterixTimeOfDay? TimeOfDay =>
        Core.Has(I140) ? new AsterixTimeOfDay(BigEndian.U24(Core.Bytes, Core.At(I140))) : null;

    /// <summary>I048/020 Target Report Descriptor, including the detection type (PSR, SSR, Mode S…).</summary>
    public readonly Cat048TargetReportDescriptor? TargetReportDescriptor =>
        Core.Has(I020) ? Cat048TargetReportDescriptor.From(Core.Item(I020)) : null;

    /// <summary>I048/040 Measured Position in Polar Co-ordinates (slant range, azimuth from the radar's north).</summary>
    public readonly PolarPosition? MeasuredPosition =>
        Core.Has(I040) ? PolarPosition.From(Core.Bytes, Core.At(I040)) : null;

    /// <summary>I048/070 Mode-3/A Code in Octal Representation (V, G, L and the code).</summary>
    public readonly Mode3ACode? Mode3A =>
        Core.Has(I070) ? new Mode3ACode(BigEndian.U16(Core.Bytes, Core.At(I070))) : null;

    /// <summary>I048/090 Flight Level in Binary Representation (Mode C / Mode S altitude).</summary>
    public readonly Cat048FlightLevel? FlightLevel =>
        Core.Has(I090) ? new Cat048FlightLevel(BigEndian.U16(Core.Bytes, Core.At(I090))) : null;

    /// <summary>I048/130 Radar Plot Characteristics.</summary>
    public readonly Cat048PlotCharacteristics? PlotCharacteristics =>
        Core.Has(I130) ? Cat048PlotCharacteristics.From(Core.Item(I130)) : null;

    /// <summary>I048/220 Aircraft Address: the 24-bit Mode S (ICAO) address.</summary>
    public readonly uint? AircraftAddress => Core.Has(I220) ? BigEndian.U24(Core.Bytes, Core.At(I220)) : null;

    /// <summary>I048/240 Aircraft Identification: the callsign from the Mode S transponder (8 characters).</summary>
    public readonly AircraftIdentification? AircraftIdentification =>
        Core.Has(I240) ? Asterix.AircraftIdentification.From(Core.Bytes, Core.At(I240)) : null;

    /// <summary>I048/250 BDS Register Data: the number of Mode S Comm-B registers (0 when absent).</summary>
    public readonly int ModeSMbDataCount => Core.Has(I250) ? Core.Bytes[Core.At(I250)] : 0;

    /// <summary>I048/250 BDS Register Data: register <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="ModeSMbDataCount"/>.</exception>
    public readonly BdsRegister GetModeSMbData(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ModeSMbDataCount);
        return BdsRegister.From(Core.Bytes.Slice(Core.At(I250) + 1 + (index * BdsRegister.Size), BdsRegister.Size));
    }

    /// <summary>I048/161 Track Number (12 bits) of the radar's local track.</summary>
    public readonly ushort? TrackNumber =>
        Core.Has(I161) ? (ushort)(BigEndian.U16(Core.Bytes, Core.At(I161)) & 0x0FFF) : null;
}
