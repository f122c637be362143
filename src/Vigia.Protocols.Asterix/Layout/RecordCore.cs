using System.Numerics;

namespace Vigia.Protocols.Asterix.Layout;

/// <summary>
/// One delimited record: its bytes, the FSPEC as a presence mask (bit FRN − 1) and where each present item starts.
/// Category records wrap it and decode item values on access.
/// </summary>
internal ref struct RecordCore
{
    /// <summary>The record octets, FSPEC first.</summary>
    public ReadOnlySpan<byte> Bytes;

    /// <summary>Bit FRN − 1 is set for each present item.</summary>
    public ulong Items;

    /// <summary>The byte offset of the record in the span the caller decoded.</summary>
    public int Offset;

    /// <summary>Item start offsets within <see cref="Bytes"/>, indexed by FRN − 1 (meaningful where present).</summary>
    public ItemOffsets Starts;

    /// <summary>Whether the item at <paramref name="frn"/> is present.</summary>
    public readonly bool Has(int frn) => (Items & (1UL << (frn - 1))) != 0;

    /// <summary>The first octet of the item at <paramref name="frn"/> (present items only).</summary>
    public readonly int At(int frn) => Starts[frn - 1];

    /// <summary>The octets of the item at <paramref name="frn"/>, or empty when absent.</summary>
    public readonly ReadOnlySpan<byte> Item(int frn)
    {
        if (!Has(frn))
        {
            return default;
        }

        var start = Starts[frn - 1];
        var later = Items & (ulong.MaxValue << frn);
        var end = later == 0 ? Bytes.Length : Starts[BitOperations.TrailingZeroCount(later)];
        return Bytes[start..end];
    }
}
