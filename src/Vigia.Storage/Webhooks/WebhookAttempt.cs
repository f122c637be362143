using Vigia.Core.Time;

namespace Vigia.Storage.Webhooks;

/// <summary>One line of an endpoint's delivery log: one HTTP attempt of one message.</summary>
public sealed record WebhookAttempt
{
    /// <summary>Row id.</summary>
    public required long Id { get; init; }

    /// <summary>The outbox item attempted.</summary>
    public required long OutboxId { get; init; }

    /// <summary>The endpoint.</summary>
    public required string EndpointId { get; init; }

    /// <summary>The <c>webhook-id</c> sent.</summary>
    public required string MessageId { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>When the attempt started.</summary>
    public required Timestamp Time { get; init; }

    /// <summary>HTTP status, or null when none came.</summary>
    public int? StatusCode { get; init; }

    /// <summary>What went wrong, or null on success.</summary>
    public string? Error { get; init; }

    /// <summary>How long it took, ms.</summary>
    public required double DurationMilliseconds { get; init; }
}
