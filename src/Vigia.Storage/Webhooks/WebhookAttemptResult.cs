using Vigia.Core.Time;

namespace Vigia.Storage.Webhooks;

/// <summary>How one HTTP attempt went, as delivery reports it.</summary>
/// <param name="Time">When the attempt started.</param>
/// <param name="StatusCode">The HTTP status answered, or null when none came (timeout, connection refused).</param>
/// <param name="Error">What went wrong (<c>HTTP 503 Service Unavailable</c>, <c>timeout after 5 s</c>, …), or null on success.</param>
/// <param name="DurationMilliseconds">How long the attempt took, ms.</param>
public sealed record WebhookAttemptResult(Timestamp Time, int? StatusCode, string? Error, double DurationMilliseconds);
