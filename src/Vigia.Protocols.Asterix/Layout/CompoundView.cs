namespace Vigia.Protocols.Asterix.Layout;

/// <summary>Finds the subfields of a compound item the walker has already validated (trusted path, house style §4.9).</summary>
internal readonly ref struct CompoundView
{
    private readonly ReadOnlySpan<byte> _item;
    private readonly ItemFormat _format;
    private readonly ulong _present;
    private readonly int _primaryLength;

    public CompoundView(ReadOnlySpan<byte> item, ItemFormat format)
    {
        _item = item;
        _format = format;
        _present = RecordWalker.CompoundPresence(item, out _primaryLength);
    }

    /// <summary>Whether subfield <paramref name="subfield"/> (1-based, as in the specification) is present.</summary>
    public bool Has(int subfield) => (_present & (1UL << (subfield - 1))) != 0;

    /// <summary>The octets of subfield <paramref name="subfield"/> (1-based), or empty when absent.</summary>
    public ReadOnlySpan<byte> Subfield(int subfield)
    {
        if (!Has(subfield))
        {
            return default;
        }

        var subfields = _format.Subfields!;
        var pos = _primaryLength;
        for (var i = 0; i < subfield - 1; i++)
        {
            if ((_present & (1UL << i)) != 0)
            {
                _ = RecordWalker.TryMeasure(subfields[i]!, _item, pos, out var skip, out _);
                pos += skip;
            }
        }

        _ = RecordWalker.TryMeasure(subfields[subfield - 1]!, _item, pos, out var length, out _);
        return _item.Slice(pos, length);
    }
}
