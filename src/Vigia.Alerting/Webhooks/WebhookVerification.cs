namespace Vigia.Alerting.Webhooks;

/// <summary>The result of <see cref="WebhookVerifier.Verify(WebhookSecret, string?, string?, string?, ReadOnlySpan{byte}, DateTimeOffset, int)"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Detail">Why, in words (names the header or the times compared); <c>ok</c> when valid.</param>
public readonly record struct WebhookVerification(WebhookVerifyStatus Status, string Detail)
{
    /// <summary>True when the message is authentic and fresh.</summary>
    public bool IsValid => Status == WebhookVerifyStatus.Valid;
}
