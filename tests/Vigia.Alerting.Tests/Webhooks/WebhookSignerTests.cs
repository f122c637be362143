using System.Text;
using Vigia.Alerting.Webhooks;

namespace Vigia.Alerting.Tests.Webhooks;

/// <summary>Sign then verify with fresh secrets: the round trip, key rotation, and what breaks a signature.</summary>
public sealed class WebhookSignerTests
{
    private const long SentAt = 1_777_000_000;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"alert.raised","data":{"exercise":true}}""");

    [Fact]
    public void Signed_VerifiesWithTheSameSecret()
    {
        var secret = WebhookSecret.Generate();
        var signature = new WebhookSigner(secret).Sign("msg_1", SentAt, Body);

        var result = WebhookVerifier.Verify(secret, "msg_1", "1777000000", signature, Body, DateTimeOffset.FromUnixTimeSeconds(SentAt + 5));

        Assert.True(result.IsValid, result.Detail);
        Assert.Matches("^v1,[A-Za-z0-9+/]{43}=$", signature);
    }

    [Fact]
    public void Signed_FailsWithAnotherSecret()
    {
        var signature = new WebhookSigner(WebhookSecret.Generate()).Sign("msg_1", SentAt, Body);

        var result = WebhookVerifier.Verify(WebhookSecret.Generate(), "msg_1", "1777000000", signature, Body, DateTimeOffset.FromUnixTimeSeconds(SentAt));

        Assert.Equal(WebhookVerifyStatus.NoMatchingSignature, result.Status);
        Assert.Contains("1 v1 entries", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DuringKeyRotation_EitherSecretVerifies()
    {
        var old = WebhookSecret.Generate();
        var next = WebhookSecret.Generate(48);
        var header = new WebhookSigner(old).Sign("msg_r", SentAt, Body) + " " + new WebhookSigner(next).Sign("msg_r", SentAt, Body);
        var now = DateTimeOffset.FromUnixTimeSeconds(SentAt);

        Assert.True(WebhookVerifier.Verify(old, "msg_r", "1777000000", header, Body, now).IsValid);
        Assert.True(WebhookVerifier.Verify(next, "msg_r", "1777000000", header, Body, now).IsValid);
    }

    [Fact]
    public void HeaderNames_AreMatchedCaseInsensitively()
    {
        var secret = WebhookSecret.Generate();
        var headers = new Dictionary<string, string>
        {
            ["Webhook-Id"] = "msg_c",
            ["WEBHOOK-TIMESTAMP"] = "1777000000",
            ["Webhook-Signature"] = new WebhookSigner(secret).Sign("msg_c", SentAt, Body),
        };

        Assert.True(WebhookVerifier.Verify(secret, headers, Body, DateTimeOffset.FromUnixTimeSeconds(SentAt)).IsValid);
    }

    [Theory]
    [InlineData("+1777000000")]
    [InlineData(" 1777000000")]
    [InlineData("1777000000.5")]
    [InlineData("99999999999999999999999")]
    public void Timestamp_ThatIsNotPlainIntegerSeconds_IsRefused(string timestamp)
    {
        var secret = WebhookSecret.Generate();

        var result = WebhookVerifier.Verify(secret, "msg_t", timestamp, "v1,AAAA", Body, DateTimeOffset.FromUnixTimeSeconds(SentAt));

        Assert.Equal(WebhookVerifyStatus.TimestampNotInteger, result.Status);
        Assert.Contains("webhook-timestamp", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ToleranceIsAParameter()
    {
        var secret = WebhookSecret.Generate();
        var signature = new WebhookSigner(secret).Sign("msg_1", SentAt, Body);
        var now = DateTimeOffset.FromUnixTimeSeconds(SentAt + 61);

        Assert.True(WebhookVerifier.Verify(secret, "msg_1", "1777000000", signature, Body, now).IsValid);
        Assert.Equal(WebhookVerifyStatus.TimestampTooOld, WebhookVerifier.Verify(secret, "msg_1", "1777000000", signature, Body, now, toleranceSeconds: 60).Status);
    }

    [Fact]
    public void Sign_EmptyId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSigner(WebhookSecret.Generate()).Sign("", SentAt, Body));
    }
}
