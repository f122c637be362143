using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Vigia.Alerting.Cap;

/// <summary>How CAP messages and feeds are written: UTF-8 without a byte order mark, two-space indent, LF; characters XML cannot carry become U+FFFD (<see cref="XmlSafeText"/>).</summary>
internal static class CapXml
{
    public static string Serialise(XDocument document)
    {
        XmlSafeText.CleanTree(document);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
