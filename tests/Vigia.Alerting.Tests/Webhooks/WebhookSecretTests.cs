using Vigia.Alerting.Webhooks;

namespace Vigia.Alerting.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Theory]
    [InlineData(WebhookSecret.MinBytes)]
    [InlineData(WebhookSecret.DefaultBytes)]
    [InlineData(WebhookSecret.MaxBytes)]
    public void Generate_EncodesAsWhsecBase64_AndParsesBack(int bytes)
    {
        var secret = WebhookSecret.Generate(bytes);

        var text = secret.Encode();

        Assert.StartsWith("whsec_", text, StringComparison.Ordinal);
        Assert.Equal(bytes, Convert.FromBase64String(text["whsec_".Length..]).Length);
        Assert.Equal(text, WebhookSecret.Parse(text).Encode());
    }

    [Fact]
    public void Generate_GivesDifferentSecretsEachTime()
    {
        Assert.NotEqual(WebhookSecret.Generate().Encode(), WebhookSecret.Generate().Encode());
    }

    [Theory]
    [InlineData(WebhookSecret.MinBytes - 1)]
    [InlineData(WebhookSecret.MaxBytes + 1)]
    public void Generate_OutsideTheSpecsRange_Throws(int bytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookSecret.Generate(bytes));
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("whsec_", "nothing after 'whsec_'")]
    [InlineData("whsec_not*base64!", "not valid base64")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAA==", "decodes to 16 bytes")]
    public void TryParse_Refuses_WithAClearError(string? text, string expected)
    {
        Assert.False(WebhookSecret.TryParse(text, out var secret, out var error));

        Assert.Null(secret);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SixtyFiveBytes_IsRefused()
    {
        var text = "whsec_" + Convert.ToBase64String(new byte[65]);

        Assert.False(WebhookSecret.TryParse(text, out _, out var error));

        Assert.Contains("decodes to 65 bytes", error, StringComparison.Ordinal);
        Assert.Contains("24 to 64", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var secret = WebhookSecret.Generate();

        Assert.DoesNotContain(secret.Encode()["whsec_".Length..], secret.ToString(), StringComparison.Ordinal);
        Assert.Equal("whsec_(redacted)", secret.ToString());
    }
}
