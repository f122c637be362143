using Vigia.Protocols.Asterix.Layout;
using static Vigia.Protocols.Asterix.Cat048.Cat048Uap;

namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>Mode 1/2 items and the explicit-length fields (FRN 23–28).</summary>
public ref partial struct Cat048Record
{
    /// <summary>I048/055 Mode-1 Code in Octal Representation: the whole octet (V, G, L, 5-bit code).</summary>
    public readonly byte? Mode1Code => Core.Has(I055) ? Core.Bytes[Core.At(I055)] : null;

    /// <summary>I048/050 Mode-2 Code in Octal Representation (V, G, L and the 12-bit code, laid out as Mode 3/A).</summary>
    public readonly Mode3ACode? Mode2Code => Core.Has(I050) ? new Mode3ACode(BigEndian.U16(Core.Bytes, Core.At(I050))) : null;

    /// <summary>I048/065 Mode-1 Code Confidence Indicator: five quality bits.</summary>
    public readonly byte? Mode1Confidence => Core.Has(I065) ? (byte)(Core.Bytes[Core.At(I065)] & 0x1F) : null;

    /// <summary>I048/060 Mode-2 Code Confidence Indicator: twelve quality bits.</summary>
    public readonly ushort? Mode2Confidence =>
        Core.Has(I060) ? (ushort)(BigEndian.U16(Core.Bytes, Core.At(I060)) & 0x0FFF) : null;

    /// <summary>SP Special Purpose Field: its octets after the length octet (empty when absent). Not interpreted.</summary>
    public readonly ReadOnlySpan<byte> SpecialPurpose => ExplicitContent(Sp);

    /// <summary>RE Reserved Expansion Field: its octets after the length octet (empty when absent). Skipped by length, not interpreted.</summary>
    public readonly ReadOnlySpan<byte> ReservedExpansion => ExplicitContent(Re);

    private readonly ReadOnlySpan<byte> ExplicitContent(int frn)
    {
        var item = Core.Item(frn);
        return item.IsEmpty ? item : item[1..];
    }
}
