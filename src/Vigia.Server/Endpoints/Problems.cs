using Microsoft.AspNetCore.Http.HttpResults;
using Vigia.Server.Ingest;

namespace Vigia.Server.Endpoints;

/// <summary>RFC 9457 problem documents used across the API.</summary>
internal static class Problems
{
    /// <summary>A problem with a list of per-item field errors.</summary>
    public static ProblemHttpResult Items(int status, string title, string detail, IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: $"https://vigia.example/problems/{status}",
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToList() });

    /// <summary>A plain problem.</summary>
    public static ProblemHttpResult Plain(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: $"https://vigia.example/problems/{status}");
}
