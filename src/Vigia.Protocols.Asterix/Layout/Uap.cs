namespace Vigia.Protocols.Asterix.Layout;

/// <summary>A category edition's User Application Profile: the item at each Field Reference Number (FRN).</summary>
/// <remarks>ASTERIX Part 1 §4.3.2. Immutable static tables. Thread-safety: immutable.</remarks>
internal sealed class Uap
{
    public Uap(byte category, params ItemFormat[] items)
    {
        if (items.Length > ItemOffsets.Capacity)
        {
            throw new ArgumentException("A UAP longer than the offset table.", nameof(items));
        }

        Category = category;
        Items = items;
        MaxFspecOctets = (items.Length + 6) / 7;
    }

    /// <summary>The category number.</summary>
    public byte Category { get; }

    /// <summary>The item at FRN <c>i + 1</c>.</summary>
    public ItemFormat[] Items { get; }

    /// <summary>The most FSPEC octets a record may have: every FRN of the UAP covered, no more.</summary>
    public int MaxFspecOctets { get; }
}
