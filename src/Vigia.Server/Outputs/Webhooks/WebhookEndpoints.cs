using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Webhooks;
using Vigia.Core.Time;
using Vigia.Server.Endpoints;
using Vigia.Server.Ingest;
using Vigia.Server.Security;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// <c>/api/v1/webhooks</c>: endpoints and their delivery logs for operators; registration and disabling for admins.
/// A registration answers the endpoint's signing secret once; it is never shown again.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Rows a log read returns unless <c>?limit=</c> says otherwise.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Most rows a log read returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the webhook routes.</summary>
    public static IEndpointRouteBuilder MapVigiaWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks");
        group.MapGet("/", ListAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        group.MapPost("/", CreateAsync).RequireAuthorization(VigiaClaims.AdminPolicy);
        group.MapDelete("/{id}", DisableAsync).RequireAuthorization(VigiaClaims.AdminPolicy);
        group.MapGet("/{id}/deliveries", DeliveriesAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        group.MapGet("/dead-letters", DeadLettersAsync).RequireAuthorization(VigiaClaims.OperatorPolicy);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointDto>>> ListAsync(IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        var endpoints = await outbox.ListWebhookEndpointsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<WebhookEndpointDto>>([.. endpoints.Select(ToDto)]);
    }

    private static async Task<Results<Created<WebhookCreatedResponse>, ProblemHttpResult>> CreateAsync(
        WebhookCreateRequest request, IWebhookOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = WebhookEndpointValidation.Validate(request.Id, request.Url, request.Description, request.MinLevel);
        if (errors.Count > 0)
        {
            return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid webhook endpoint", string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")), errors);
        }

        var secret = WebhookSecret.Generate();
        var endpoint = new WebhookEndpoint
        {
            Id = request.Id ?? WebhookEndpointValidation.NewId(),
            Url = request.Url!,
            Description = request.Description ?? "",
            MinLevel = (int)WebhookEndpointValidation.Levels[request.MinLevel ?? "advisory"],
            Created = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        if (!await outbox.AddWebhookEndpointAsync(endpoint, secret.Encode(), cancellationToken).ConfigureAwait(false))
        {
            return Problems.Items(StatusCodes.Status409Conflict, "Webhook endpoint exists", $"a webhook endpoint '{endpoint.Id}' already exists", [new FieldError(0, "id", "already exists")]);
        }

        return TypedResults.Created($"/api/v1/webhooks/{Uri.EscapeDataString(endpoint.Id)}", new WebhookCreatedResponse(ToDto(endpoint), secret.Encode()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(string id, IWebhookOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await outbox.DisableWebhookEndpointAsync(id, Timestamp.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown webhook endpoint", $"no enabled webhook endpoint '{id}'");
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookDeliveriesDto>, ProblemHttpResult>> DeliveriesAsync(
        string id, int? limit, IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        if (LimitProblem(limit) is { } problem)
        {
            return problem;
        }

        var endpoints = await outbox.ListWebhookEndpointsAsync(cancellationToken).ConfigureAwait(false);
        if (!endpoints.Any(e => e.Id == id))
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown webhook endpoint", $"no webhook endpoint '{id}'");
        }

        var n = limit ?? DefaultLimit;
        var messages = await outbox.ReadWebhookOutboxAsync(id, null, n, cancellationToken).ConfigureAwait(false);
        var attempts = await outbox.ReadWebhookAttemptsAsync(id, n, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new WebhookDeliveriesDto(id, [.. messages.Select(ToDto)], [.. attempts.Select(ToDto)]));
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookMessageDto>>, ProblemHttpResult>> DeadLettersAsync(
        string? endpoint, int? limit, IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        if (LimitProblem(limit) is { } problem)
        {
            return problem;
        }

        var dead = await outbox.ReadWebhookOutboxAsync(endpoint, WebhookOutboxState.Dead, limit ?? DefaultLimit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<WebhookMessageDto>>([.. dead.Select(ToDto)]);
    }

    private static ProblemHttpResult? LimitProblem(int? limit) => limit is < 1 or > MaxLimit
        ? Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid limit", $"limit: must be within [1, {MaxLimit}]", [new FieldError(0, "limit", $"must be within [1, {MaxLimit}]")])
        : null;

    private static WebhookEndpointDto ToDto(WebhookEndpoint e) => new(
        e.Id, e.Url, e.Description, AlertReasonCodes.Of((AlertLevel)e.MinLevel), e.Disabled is null, e.Created.ToDateTimeOffset(), e.Disabled?.ToDateTimeOffset());

    private static WebhookMessageDto ToDto(WebhookOutboxItem i) => new(
        i.Id,
        i.MessageId,
        i.EndpointId,
        i.EventType,
        i.State.ToString().ToLowerInvariant(),
        i.Attempts,
        i.LastError,
        i.Created.ToDateTimeOffset(),
        i.Expires.ToDateTimeOffset(),
        i.State == WebhookOutboxState.Pending ? i.NextAttempt.ToDateTimeOffset() : null,
        i.Finished?.ToDateTimeOffset());

    private static WebhookAttemptDto ToDto(WebhookAttempt a) => new(
        a.OutboxId, a.MessageId, a.EventType, a.Time.ToDateTimeOffset(), a.StatusCode, a.Error, double.IsFinite(a.DurationMilliseconds) ? a.DurationMilliseconds : null);
}
