using Vigia.Core.Time;

namespace Vigia.Storage.Webhooks;

/// <summary>A receiver of alert webhooks (never its secret: that is stored, but only delivery reads it back).</summary>
public sealed record WebhookEndpoint
{
    /// <summary>Identifier, unique, case-sensitive.</summary>
    public required string Id { get; init; }

    /// <summary>Absolute http or https URL the messages are POSTed to (validated by the caller before adding).</summary>
    public required string Url { get; init; }

    /// <summary>Free-text description (who runs the receiver).</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// The lowest alert level sent to this endpoint, as the number of Vigia.Alerting's <c>AlertLevel</c>
    /// (1 advisory, 2 warning, 3 alarm): a message goes to the endpoint when its <see cref="WebhookMessage.Level"/> is at least this.
    /// </summary>
    public required int MinLevel { get; init; }

    /// <summary>When it was added.</summary>
    public required Timestamp Created { get; init; }

    /// <summary>When it was disabled, or null while it receives messages.</summary>
    public Timestamp? Disabled { get; init; }
}
