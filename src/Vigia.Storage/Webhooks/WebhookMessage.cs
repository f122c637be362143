using Vigia.Core.Time;

namespace Vigia.Storage.Webhooks;

/// <summary>One message to enqueue for every enabled endpoint whose minimum level it reaches.</summary>
public sealed record WebhookMessage
{
    /// <summary>The <c>webhook-id</c>: unique per message, the same on every retry; (endpoint, message id) is the idempotency key.</summary>
    public required string MessageId { get; init; }

    /// <summary>The payload's <c>type</c> (e.g. <c>alert.raised</c>), for the delivery log.</summary>
    public required string EventType { get; init; }

    /// <summary>The JSON body, sent byte for byte as its UTF-8.</summary>
    public required string Payload { get; init; }

    /// <summary>The level that decides which endpoints get it (compared with <see cref="WebhookEndpoint.MinLevel"/>).</summary>
    public required int Level { get; init; }

    /// <summary>When it was made; also its first attempt time.</summary>
    public required Timestamp Created { get; init; }

    /// <summary>After this no attempt is made: the item becomes <see cref="WebhookOutboxState.Dead"/> with reason <c>expired</c>.</summary>
    public required Timestamp Expires { get; init; }
}
