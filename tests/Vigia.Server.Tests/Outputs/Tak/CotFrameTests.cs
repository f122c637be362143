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
}
