using System.Text.Json.Serialization;

namespace Vigia.Server.Outputs.Webhooks;

// The documents of /api/v1/webhooks (snake_case, nulls left out, as the rest of the API).

/// <summary>Body of <c>POST /api/v1/webhooks</c>.</summary>
internal sealed record WebhookCreateRequest(string? Id, string? Url, string? Description, string? MinLevel);

/// <summary>An endpoint (never its secret).</summary>
internal sealed record WebhookEndpointDto(string Id, string Url, string Description, string MinLevel, bool Enabled, DateTimeOffset Created, DateTimeOffset? Disabled);

/// <summary>The answer to a registration: the endpoint and its signing secret, shown this once.</summary>
internal sealed record WebhookCreatedResponse(WebhookEndpointDto Endpoint, string Secret);

/// <summary>One message for one endpoint and where it stands.</summary>
internal sealed record WebhookMessageDto(
    long Id,
    string MessageId,
    string EndpointId,
    string Type,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    DateTimeOffset? NextAttempt,
    DateTimeOffset? Finished);

/// <summary>One HTTP attempt.</summary>
internal sealed record WebhookAttemptDto(long OutboxId, string MessageId, string Type, DateTimeOffset Time, int? StatusCode, string? Error, double? DurationMs);

/// <summary>An endpoint's delivery log: its latest messages and attempts, newest first.</summary>
internal sealed record WebhookDeliveriesDto(string EndpointId, IReadOnlyList<WebhookMessageDto> Messages, IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>Source-generated serialisation of the webhook documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookCreateRequest))]
[JsonSerializable(typeof(IReadOnlyList<WebhookEndpointDto>))]
[JsonSerializable(typeof(WebhookCreatedResponse))]
[JsonSerializable(typeof(WebhookDeliveriesDto))]
[JsonSerializable(typeof(IReadOnlyList<WebhookMessageDto>))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
