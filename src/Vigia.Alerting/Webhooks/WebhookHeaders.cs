namespace Vigia.Alerting.Webhooks;

/// <summary>The three Standard Webhooks 1.0.0 headers ("Webhook headers"). HTTP header names are case-insensitive.</summary>
public static class WebhookHeaders
{
    /// <summary>The message id: unique per message, the same on every retry (the receiver's idempotency key).</summary>
    public const string Id = "webhook-id";

    /// <summary>Integer Unix seconds of this attempt.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>version,base64</c> signatures (<c>v1</c> = HMAC-SHA256).</summary>
    public const string Signature = "webhook-signature";
}
