namespace Vigia.Protocols.Asterix.Framing;

/// <summary>One ASTERIX data block: CAT (1 octet), LEN (2 octets, header included) and the records that follow.</summary>
/// <remarks>
/// ASTERIX Part 1 §4.2 (data block). The records are not delimited on the wire: each category's UAP tells where
/// one ends. Thread-safety: a view over the caller's bytes; valid only while they are.
/// </remarks>
public readonly ref struct AsterixDataBlock
{
    /// <summary>CAT and LEN: three octets.</summary>
    public const int HeaderSize = 3;

    /// <summary>The smallest valid LEN: the header and at least one FSPEC octet.</summary>
    public const int MinLength = HeaderSize + 1;

    internal AsterixDataBlock(byte category, ReadOnlySpan<byte> bytes)
    {
        Category = category;
        Bytes = bytes;
    }

    /// <summary>The category (CAT octet).</summary>
    public byte Category { get; }

    /// <summary>The whole block, header included (LEN octets).</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>LEN: the block's length in octets, header included.</summary>
    public int Length => Bytes.Length;

    /// <summary>The record octets after the header.</summary>
    public ReadOnlySpan<byte> Records => Bytes[HeaderSize..];
}
