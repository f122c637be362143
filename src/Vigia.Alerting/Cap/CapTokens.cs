using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Vigia.Alerting.Cap;

/// <summary>
/// CAP 1.2 rules for <c>identifier</c> and <c>sender</c> (§3.2.1): no spaces, no commas, no restricted
/// characters (<c>&lt;</c> and <c>&amp;</c>). <c>references</c> joins them with commas and spaces, which
/// is why those two are excluded.
/// </summary>
public static class CapTokens
{
    /// <summary>Why <paramref name="token"/> is not a valid identifier or sender, or null if it is.</summary>
    public static string? Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "must not be empty";
        }

        foreach (var c in token)
        {
            if (char.IsWhiteSpace(c))
            {
                return "must not contain spaces";
            }

            switch (c)
            {
                case ',':
                    return "must not contain commas";
                case '<':
                case '&':
                    return $"must not contain the restricted character '{c}'";
                default:
                    if (char.IsControl(c))
                    {
                        return "must not contain control characters";
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// Makes any text safe inside an identifier: ASCII letters, digits and <c>- . _ :</c> are kept, every
    /// other character becomes <c>~</c> and its UTF-8 bytes in hex (so <c>~</c> itself is escaped too and the
    /// mapping is one to one).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':')
            {
                result.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            result.Append('~');
            foreach (var b in utf8[..length])
            {
                result.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The text <paramref name="escaped"/> was made from by <see cref="Escape"/>, or false when no text escapes to
    /// exactly it (a character <see cref="Escape"/> would have escaped, a malformed or lower-case <c>~XX</c>, bytes
    /// that are not UTF-8): a request naming a message can then be answered without searching for its alert.
    /// </summary>
    public static bool TryUnescape(string escaped, [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        text = null;
        var result = new StringBuilder(escaped.Length);
        var bytes = new List<byte>(4);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var i = 0; i < escaped.Length;)
        {
            var c = escaped[i];
            if (c != '~')
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':'))
                {
                    return false;
                }

                result.Append(c);
                i++;
                continue;
            }

            // '~' and the UTF-8 bytes of one character in upper-case hex; the lead byte says how many follow.
            if (!TryHexByte(escaped, i + 1, out var lead))
            {
                return false;
            }

            var length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
            if (length == 0)
            {
                return false;
            }

            bytes.Clear();
            bytes.Add(lead);
            for (var k = 1; k < length; k++)
            {
                if (!TryHexByte(escaped, i + 1 + (2 * k), out var next))
                {
                    return false;
                }

                bytes.Add(next);
            }

            try
            {
                result.Append(strict.GetString([.. bytes]));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            i += 1 + (2 * length);
        }

        // One to one: only the canonical form (what Escape writes) names a text.
        var candidate = result.ToString();
        if (Escape(candidate) != escaped)
        {
            return false;
        }

        text = candidate;
        return true;
    }

    private static bool TryHexByte(string text, int at, out byte value)
    {
        value = 0;
        if (at + 2 > text.Length || !IsUpperHex(text[at]) || !IsUpperHex(text[at + 1]))
        {
            return false;
        }

        value = byte.Parse(text.AsSpan(at, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsUpperHex(char c) => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F';
}
