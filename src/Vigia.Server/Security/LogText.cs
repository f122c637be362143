using System.Globalization;
using System.Text;

namespace Vigia.Server.Security;

/// <summary>Text from the network made safe for a log line: control characters escaped, length capped.</summary>
public static class LogText
{
    /// <summary>Default longest text kept, characters.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>
    /// <paramref name="text"/> with every control character (newlines, ESC of ANSI sequences, …) written as <c>\n</c>,
    /// <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>, cut to <paramref name="maxLength"/> characters with "…" and the full length.
    /// </summary>
    public static string Safe(string? text, int maxLength = DefaultMaxLength)
    {
        if (text is null)
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        var i = 0;
        for (; i < text.Length && builder.Length < maxLength; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return i < text.Length ? builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length} characters)").ToString() : builder.ToString();
    }
}
