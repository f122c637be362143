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
}
