namespace Vigia.Storage.Webhooks;

/// <summary>A claimed outbox item with what delivery needs from its endpoint.</summary>
/// <param name="Item">The item (its <see cref="WebhookOutboxItem.NextAttempt"/> is the end of the claim).</param>
/// <param name="Url">The endpoint's URL.</param>
/// <param name="Secret">The endpoint's signing secret as stored (<c>whsec_…</c>).</param>
public sealed record ClaimedWebhook(WebhookOutboxItem Item, string Url, string Secret)
{
    /// <summary>Redacted: the secret never reaches a log through this record.</summary>
    public override string ToString() => $"ClaimedWebhook {{ Item = {Item.Id} {Item.MessageId} -> {Item.EndpointId}, Url = {Url} }}";
}
