using System.Runtime.CompilerServices;

namespace Vigia.Protocols.Asterix.Layout;

/// <summary>The start of each present item within its record, indexed by FRN − 1 (CAT-021 has the longest UAP: 49).</summary>
[InlineArray(Capacity)]
internal struct ItemOffsets
{
    /// <summary>Seven FSPEC octets of seven FRNs each.</summary>
    public const int Capacity = 49;

    private ushort _element0;
}
