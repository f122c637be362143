namespace Vigia.Protocols.Asterix.Layout;

/// <summary>How one data item (or compound subfield) is laid out: enough to find its length and name it in errors.</summary>
/// <remarks>Instances live in the static UAP tables and are never changed. Thread-safety: immutable.</remarks>
internal sealed class ItemFormat
{
    private ItemFormat(ItemKind kind, string name, int size, int maxParts, ItemFormat?[]? subfields)
    {
        Kind = kind;
        Name = name;
        Size = size;
        MaxParts = maxParts;
        Subfields = subfields;
    }

    /// <summary>The structure.</summary>
    public ItemKind Kind { get; }

    /// <summary>The item name used in errors, for example <c>I048/040</c> or <c>I062/380/ID</c>.</summary>
    public string Name { get; }

    /// <summary>Fixed: the length; Extended: the size of one part; Repetitive: the size of one element.</summary>
    public int Size { get; }

    /// <summary>Extended: the most parts the specification defines; Compound: the most primary-subfield octets.</summary>
    public int MaxParts { get; }

    /// <summary>Compound: the subfields in presence-bit order (null where the specification leaves a bit unused).</summary>
    public ItemFormat?[]? Subfields { get; }

    /// <summary>A fixed-length item of <paramref name="size"/> octets.</summary>
    public static ItemFormat Fixed(string name, int size) => new(ItemKind.Fixed, name, size, 1, null);

    /// <summary>An extended item of up to <paramref name="maxParts"/> parts of <paramref name="partSize"/> octets.</summary>
    public static ItemFormat Extended(string name, int maxParts, int partSize = 1) => new(ItemKind.Extended, name, partSize, maxParts, null);

    /// <summary>A repetitive item: REP octet, then REP elements of <paramref name="elementSize"/> octets.</summary>
    public static ItemFormat Repetitive(string name, int elementSize) => new(ItemKind.Repetitive, name, elementSize, 1, null);

    /// <summary>An explicit-length item (RE, SP).</summary>
    public static ItemFormat Explicit(string name) => new(ItemKind.Explicit, name, 0, 1, null);

    /// <summary>A UAP position the edition leaves spare.</summary>
    public static ItemFormat Spare(string name) => new(ItemKind.Spare, name, 0, 0, null);

    /// <summary>A compound item; null subfields are unused presence bits.</summary>
    public static ItemFormat Compound(string name, params ItemFormat?[] subfields) =>
        new(ItemKind.Compound, name, 0, (subfields.Length + 6) / 7, subfields);
}
