namespace Vigia.Storage.Webhooks;

/// <summary>Where an outbox item stands (the <c>state</c> column; the numbers are stored, never renumber).</summary>
public enum WebhookOutboxState
{
    /// <summary>Waiting for its next attempt (or being attempted: a claim pushes the next attempt past the lease).</summary>
    Pending = 0,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Given up: a permanent refusal, the message expired, or the endpoint was disabled (see <see cref="WebhookOutboxItem.LastError"/>).</summary>
    Dead = 2,
}
