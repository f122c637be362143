using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// One CoT event as bytes on the wire, the same for UDP and TCP: the XML declaration, a newline, the
/// <c>event</c> element, and nothing after it. TAK's protocol notes (ATAK commoncommo <c>protocol.txt</c>,
/// "Protocol Version 0"): each UDP datagram carries exactly one event; a TCP stream is events back to back,
/// each prefaced by the declaration and a newline, split by the receiver after <c>&lt;/event&gt;</c>, with no
/// stray newline after it.
/// </summary>
public static class CotFrame
{
    private static readonly byte[] Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8.ToArray();

    /// <summary>
    /// Serialises <paramref name="cotEvent"/> (UTF-8, no byte order mark, no indentation); characters XML cannot carry
    /// (a control character in a drone's broadcast UAS ID) are replaced in the event first (<see cref="Alerting.XmlSafeText"/>).
    /// </summary>
    public static byte[] Encode(XElement cotEvent)
    {
        ArgumentNullException.ThrowIfNull(cotEvent);
        Alerting.XmlSafeText.CleanTree(cotEvent);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            OmitXmlDeclaration = true,
            Indent = false,
            NewLineHandling = NewLineHandling.None,
        };
        using var buffer = new MemoryStream();
        buffer.Write(Declaration);
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            cotEvent.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
