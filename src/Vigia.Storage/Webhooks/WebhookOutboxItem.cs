using Vigia.Core.Time;

namespace Vigia.Storage.Webhooks;

/// <summary>One message for one endpoint in the outbox.</summary>
public sealed record WebhookOutboxItem
{
    /// <summary>Row id (ascending in enqueue order).</summary>
    public required long Id { get; init; }

    /// <summary>The <c>webhook-id</c>.</summary>
    public required string MessageId { get; init; }

    /// <summary>The endpoint it goes to.</summary>
    public required string EndpointId { get; init; }

    /// <summary>The payload's <c>type</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The JSON body.</summary>
    public required string Payload { get; init; }

    /// <summary>When it was enqueued.</summary>
    public required Timestamp Created { get; init; }

    /// <summary>When it stops being worth sending.</summary>
    public required Timestamp Expires { get; init; }

    /// <summary>When it is next due (for a claimed item: when the claim lapses).</summary>
    public required Timestamp NextAttempt { get; init; }

    /// <summary>HTTP attempts made so far.</summary>
    public required int Attempts { get; init; }

    /// <summary>Pending, delivered or dead.</summary>
    public required WebhookOutboxState State { get; init; }

    /// <summary>Why the last attempt failed, or why it is dead (<c>expired…</c>, <c>endpoint disabled</c>, <c>HTTP 404 …</c>); null when delivered.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was delivered or given up, or null while pending.</summary>
    public Timestamp? Finished { get; init; }
}
