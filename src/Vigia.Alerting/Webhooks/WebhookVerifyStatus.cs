namespace Vigia.Alerting.Webhooks;

/// <summary>The outcome of verifying one received webhook (<see cref="WebhookVerifier"/>).</summary>
public enum WebhookVerifyStatus
{
    /// <summary>A <c>v1</c> signature matches and the timestamp is within the tolerance.</summary>
    Valid,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is absent or empty.</summary>
    MissingHeader,

    /// <summary><c>webhook-timestamp</c> is not an integer number of Unix seconds.</summary>
    TimestampNotInteger,

    /// <summary>The timestamp is more than the tolerance before the receiver's clock (a replay, or a very late retry).</summary>
    TimestampTooOld,

    /// <summary>The timestamp is more than the tolerance after the receiver's clock.</summary>
    TimestampTooNew,

    /// <summary>No <c>v1</c> entry of <c>webhook-signature</c> matches: wrong secret, or the id, timestamp or body changed.</summary>
    NoMatchingSignature,
}
