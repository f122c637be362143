using System.Xml;
using System.Xml.Linq;

namespace Vigia.Alerting;

/// <summary>
/// Text that a drone or a sensor supplied (a Remote ID serial, a Self-ID, a SAPIENT description) may hold characters
/// XML 1.0 cannot carry (control characters, lone surrogates), and the XML writer refuses them with an exception. Before
/// a CAP message or a CoT event is written, every such character in its text and attribute values becomes U+FFFD, so a
/// malformed or hostile broadcast is shown as such instead of stopping an output.
/// </summary>
public static class XmlSafeText
{
    /// <summary>The replacement for a character XML cannot carry.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary><paramref name="text"/> with every character XML 1.0 cannot carry replaced (the same instance when there is none).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bad = FirstInvalid(text);
        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++; // a proper pair is one character
            }
            else if (!XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = Replacement;
            }
        }

        return new string(chars);
    }

    /// <summary>Cleans, in place, every text node and attribute value under <paramref name="root"/> (itself included).</summary>
    public static void CleanTree(XContainer root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root is XElement element)
        {
            CleanElement(element);
        }

        foreach (var e in root.Descendants())
        {
            CleanElement(e);
        }

        foreach (var text in root.DescendantNodes().OfType<XText>())
        {
            text.Value = Clean(text.Value);
        }
    }

    private static void CleanElement(XElement element)
    {
        foreach (var attribute in element.Attributes())
        {
            attribute.Value = Clean(attribute.Value);
        }
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }
}
