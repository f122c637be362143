using System.Text;
using System.Xml.Linq;
using Vigia.Server.Outputs.Tak;

namespace Vigia.Server.Tests.Outputs.Tak;

public sealed class CotFrameTests
{
    [Fact]
    public void Encode_IsDeclarationNewlineEvent_WithNothingAfter()
    {
        var e = new XElement("event", new XAttribute("uid", "a"), new XElement("detail", new XElement("remarks", "línea 1\nlínea 2 <&>")));

        var bytes = CotFrame.Encode(e);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<event uid=\"a\"><detail><remarks>línea 1\nlínea 2 &lt;&amp;&gt;</remarks></detail></event>", text);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("línea 1\nlínea 2 <&>", XDocument.Parse(text).Root!.Element("detail")!.Element("remarks")!.Value);
    }

    [Fact]
    public void Encode_ADronesIdWithCharactersXmlCannotCarry_IsSentWithThemReplaced()
    {
        // A forged Remote ID serial with a control character and an escape sequence, and a lone surrogate.
        var e = new XElement("event", new XAttribute("uid", "vigia-track-7"), new XElement("detail",
            new XElement("contact", new XAttribute("callsign", "1581F\u0001\u001B[2J")),
            new XElement("remarks", "self-ID \uD800 🛸")));

        var text = Encoding.UTF8.GetString(CotFrame.Encode(e));

        var parsed = XDocument.Parse(text).Root!.Element("detail")!;
        Assert.Equal("1581F\uFFFD\uFFFD[2J", (string)parsed.Element("contact")!.Attribute("callsign")!);
        Assert.Equal("self-ID \uFFFD 🛸", parsed.Element("remarks")!.Value);
    }
}
