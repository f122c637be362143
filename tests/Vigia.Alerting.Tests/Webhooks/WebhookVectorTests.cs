using System.Text;
using System.Text.Json;
using Vigia.Alerting.Webhooks;
using Vigia.Testing;

namespace Vigia.Alerting.Tests.Webhooks;

/// <summary>
/// Every vector of <c>shared/data/webhooks/vectors.json</c> (Standard Webhooks 1.0.0; sources in its SOURCES.md):
/// verify(secret, headers, payload) at the receiver clock <c>verify_at_unix</c> must give <c>expect</c> for the stated
/// <c>reason</c>, and the fixed signing vectors must be reproduced byte for byte.
/// </summary>
public sealed class WebhookVectorTests
{
    private static readonly Lazy<JsonDocument> File = new(() =>
        JsonDocument.Parse(System.IO.File.ReadAllBytes(TestPaths.SharedData("webhooks", "vectors.json"))));

    public static TheoryData<string> VectorIds =>
        [.. Vectors().Select(v => v.GetProperty("id").GetString()!)];

    [Fact]
    public void File_HoldsTwentyThreeVectors_SixValid_AndOneConstructionVector()
    {
        var vectors = Vectors().ToList();

        Assert.Equal(23, vectors.Count);
        Assert.Equal(6, vectors.Count(v => v.GetProperty("expect").GetString() == "valid"));
        Assert.Single(File.Value.RootElement.GetProperty("construction_vectors").EnumerateArray());
        Assert.Equal(WebhookVerifier.DefaultToleranceSeconds, File.Value.RootElement.GetProperty("spec").GetProperty("tolerance_seconds").GetInt32());
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Verify_GivesTheExpectedOutcomeAndReason(string id)
    {
        var vector = Vector(id);
        var secret = WebhookSecret.Parse(vector.GetProperty("secret").GetString()!);
        var headers = vector.GetProperty("headers").EnumerateObject().Select(h => KeyValuePair.Create(h.Name, h.Value.GetString()!)).ToList();
        var payload = Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!);
        var now = DateTimeOffset.FromUnixTimeSeconds(vector.GetProperty("verify_at_unix").GetInt64());

        var result = WebhookVerifier.Verify(secret, headers, payload, now);

        Assert.Equal(vector.GetProperty("expect").GetString() == "valid", result.IsValid);
        Assert.Equal(vector.GetProperty("reason").GetString(), ReasonOf(result.Status));
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Sign_ReproducesTheFixedSignatures(string id)
    {
        var vector = Vector(id);
        if (!vector.TryGetProperty("expected_signature", out var expected))
        {
            Assert.False(vector.TryGetProperty("signed_content", out _), "a vector with signed content but no expected signature");
            return;
        }

        var secret = WebhookSecret.Parse(vector.GetProperty("secret").GetString()!);
        var headers = vector.GetProperty("headers");
        var signer = new WebhookSigner(secret);

        var signature = signer.Sign(
            headers.GetProperty(WebhookHeaders.Id).GetString()!,
            long.Parse(headers.GetProperty(WebhookHeaders.Timestamp).GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!));

        Assert.Equal(expected.GetString(), signature);
        if (vector.TryGetProperty("secret_bytes_hex", out var hex))
        {
            Assert.Equal(WebhookSecret.Prefix + Convert.ToBase64String(Convert.FromHexString(hex.GetString()!)), secret.Encode());
        }
    }

    [Fact]
    public void ConstructionVector_EmptySecret_IsRefused()
    {
        var vector = Assert.Single(File.Value.RootElement.GetProperty("construction_vectors").EnumerateArray());
        Assert.Equal("error-at-construction", vector.GetProperty("expect").GetString());

        var parsed = WebhookSecret.TryParse(vector.GetProperty("secret").GetString(), out var secret, out var error);

        Assert.False(parsed);
        Assert.Null(secret);
        Assert.Contains("nothing after 'whsec_'", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => WebhookSecret.Parse(vector.GetProperty("secret").GetString()!));
    }

    // The vectors' reason words, one per status.
    private static string ReasonOf(WebhookVerifyStatus status) => status switch
    {
        WebhookVerifyStatus.Valid => "ok",
        WebhookVerifyStatus.MissingHeader => "missing header",
        WebhookVerifyStatus.TimestampNotInteger => "timestamp not an integer",
        WebhookVerifyStatus.TimestampTooOld => "timestamp too old",
        WebhookVerifyStatus.TimestampTooNew => "timestamp too new",
        WebhookVerifyStatus.NoMatchingSignature => "no matching signature",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static JsonElement.ArrayEnumerator Vectors() => File.Value.RootElement.GetProperty("vectors").EnumerateArray();

    private static JsonElement Vector(string id) => Vectors().Single(v => v.GetProperty("id").GetString() == id);
}
