using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Vigia.Protocols.RemoteId;

/// <summary>A fixed 20-byte field (UAS ID, Operator ID) held inline, without a string until display.</summary>
[InlineArray(Length)]
public struct RemoteIdBytes20
{
    /// <summary>The field size in bytes.</summary>
    public const int Length = 20;

    private byte _element0;

    /// <summary>Copies up to 20 bytes from <paramref name="source"/>; the rest is zero.</summary>
    public static RemoteIdBytes20 From(ReadOnlySpan<byte> source)
    {
        var value = default(RemoteIdBytes20);
        source[..Math.Min(source.Length, Length)].CopyTo(value);
        return value;
    }

    /// <summary>The bytes as a span over this value.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> AsSpan() => this;

    /// <summary>Display text: the bytes up to the first NUL, each byte mapped to U+00XX (as the reference vectors print it).</summary>
    public readonly string ToDisplayString()
    {
        ReadOnlySpan<byte> bytes = this;
        return FixedText.ToLatin1String(bytes);
    }

    /// <inheritdoc />
    public readonly override string ToString() => ToDisplayString();
}
