namespace Vigia.Protocols.RemoteId;

/// <summary>Helpers for the fixed-size, NUL-padded text fields of F3411.</summary>
internal static class FixedText
{
    /// <summary>The number of bytes before the first NUL (the whole span when none).</summary>
    public static int TextLength(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes.Length : nul;
    }

    /// <summary>Bytes up to the first NUL, each mapped to U+00XX.</summary>
    public static string ToLatin1String(ReadOnlySpan<byte> bytes)
    {
        var text = bytes[..TextLength(bytes)];
        return string.Create(text.Length, text.ToArray(), static (chars, b) =>
        {
            for (var i = 0; i < b.Length; i++)
            {
                chars[i] = (char)b[i];
            }
        });
    }

    /// <summary>
    /// Copies <paramref name="source"/> up to its first NUL and zero-fills the rest, as the reference's
    /// <c>safe_dec_copyfill</c> does for serial numbers, CAA IDs, Self-ID text and Operator IDs.
    /// </summary>
    public static void CopyFill(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var n = TextLength(source);
        source[..n].CopyTo(destination);
        destination[n..].Clear();
    }
}
