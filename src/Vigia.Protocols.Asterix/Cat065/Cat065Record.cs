using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat065.Cat065Uap;

namespace Vigia.Protocols.Asterix.Cat065;

/// <summary>One CAT-065 SDPS service status message: a view over its record octets; item properties are null when absent.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-15 (ASTERIX Part 15, CAT-065) edition 1.5. Thread-safety: a view.</remarks>
public ref struct Cat065Record
{
    internal RecordCore Core;

    /// <summary>The record octets, FSPEC first.</summary>
    public readonly ReadOnlySpan<byte> Bytes => Core.Bytes;

    /// <summary>The byte offset of the record in the decoded span.</summary>
    public readonly int Offset => Core.Offset;

    /// <summary>The items present (the FSPEC).</summary>
    public readonly Cat065Items Items => (Cat065Items)Core.Items;

    /// <summary>I065/010 Data Source Identifier (the SDPS).</summary>
    public readonly DataSourceIdentifier? DataSource =>
        Core.Has(I010) ? DataSourceIdentifier.From(Core.Bytes[Core.At(I010)..]) : null;

    /// <summary>I065/000 Message Type.</summary>
    public readonly Cat065MessageType? MessageType => Core.Has(I000) ? (Cat065MessageType)Core.Bytes[Core.At(I000)] : null;

    /// <summary>I065/015 Service Identification.</summary>
    public readonly byte? ServiceIdentification => Core.Has(I015) ? Core.Bytes[Core.At(I015)] : null;

    /// <summary>I065/030 Time of Message.</summary>
    public readonly AsterixTimeOfDay? TimeOfMessage =>
        Core.Has(I030) ? new AsterixTimeOfDay(BigEndian.U24(Core.Bytes, Core.At(I030))) : null;

    /// <summary>I065/020 Batch Number (0 to N − 1 within one processing cycle).</summary>
    public readonly byte? BatchNumber => Core.Has(I020) ? Core.Bytes[Core.At(I020)] : null;

    /// <summary>I065/040 SDPS Configuration and Status.</summary>
    public readonly Cat065SdpsStatus? SdpsStatus => Core.Has(I040) ? new Cat065SdpsStatus(Core.Bytes[Core.At(I040)]) : null;

    /// <summary>I065/050 Service Status Report (1 service degradation … 16 main and backup radar failed).</summary>
    public readonly byte? ServiceStatusReport => Core.Has(I050) ? Core.Bytes[Core.At(I050)] : null;

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
