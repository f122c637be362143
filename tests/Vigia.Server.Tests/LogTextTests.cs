using Vigia.Server.Security;

namespace Vigia.Server.Tests;

/// <summary>Network text written to logs (SAPIENT alert descriptions) cannot forge lines or drive a terminal.</summary>
public sealed class LogTextTests
{
    [Fact]
    public void ControlCharacters_AreEscaped_SoOneLineStaysOneLine()
    {
        var forged = "drone\r\n2026-01-01 info: all clear \u001b[2J\u001b[31mred\u0007\u2028";

        var safe = LogText.Safe(forged);

        Assert.Equal("drone\\r\\n2026-01-01 info: all clear \\u001b[2J\\u001b[31mred\\u0007\\u2028", safe);
        Assert.DoesNotContain(safe, char.IsControl);
    }

    [Fact]
    public void LongText_IsCut_SayingHowLongItWas()
    {
        var safe = LogText.Safe(new string('x', 1 << 20));

        Assert.Equal(new string('x', 200) + "… (1048576 characters)", safe);
    }
}
