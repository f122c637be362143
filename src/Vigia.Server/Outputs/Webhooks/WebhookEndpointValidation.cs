using System.Security.Cryptography;
using Vigia.Alerting.Alerts;
using Vigia.Server.Ingest;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>Validation of a new webhook endpoint (API and tools share it); errors name the JSON field.</summary>
public static class WebhookEndpointValidation
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest description accepted.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>The levels an endpoint may ask for, by wire name.</summary>
    public static readonly IReadOnlyDictionary<string, AlertLevel> Levels = new Dictionary<string, AlertLevel>(StringComparer.Ordinal)
    {
        ["advisory"] = AlertLevel.Advisory,
        ["warning"] = AlertLevel.Warning,
        ["alarm"] = AlertLevel.Alarm,
    };

    /// <summary>Field errors of a registration (empty when valid); <paramref name="minLevel"/> null means advisory.</summary>
    public static List<FieldError> Validate(string? id, string? url, string? description, string? minLevel)
    {
        var errors = new List<FieldError>();
        if (id is not null && (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add(new FieldError(0, "id", "must be 1…64 characters of letters, digits, '-', '_' or '.' (or left out to get one)"));
        }

        if (UrlError(url) is { } urlError)
        {
            errors.Add(new FieldError(0, "url", urlError));
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            errors.Add(new FieldError(0, "description", $"must be at most {MaxDescriptionLength} characters"));
        }

        if (minLevel is not null && !Levels.ContainsKey(minLevel))
        {
            errors.Add(new FieldError(0, "min_level", $"must be one of {string.Join(", ", Levels.Keys)}"));
        }

        return errors;
    }

    /// <summary>Why <paramref name="url"/> cannot be a webhook endpoint, or null when it can.</summary>
    public static string? UrlError(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required: the absolute http or https URL to POST alerts to";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"must be at most {MaxUrlLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return $"'{url}' is not an absolute URL (e.g. https://receiver.example/vigia)";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"scheme '{uri.Scheme}' is not allowed: use http or https";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not hold a user name or password (they would show in logs); receivers authenticate messages by their signature";
        }

        return uri.Host.Length == 0 ? "has no host" : null;
    }

    /// <summary>A new endpoint id: <c>wh-</c> and 12 random hex digits.</summary>
    public static string NewId() => "wh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
