using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Vigia.Alerting.Cap;

/// <summary>The CAP 1.2 specification's rules for the message header, references and info blocks.</summary>
public static partial class CapValidator
{
    private static readonly string[] TypesThatReference = ["Update", "Cancel", "Ack", "Error"];

    private static void CheckRules(XElement alert, List<CapValidationError> issues)
    {
        var identifier = alert.Element(Cap + "identifier");
        var sender = alert.Element(Cap + "sender");
        foreach (var token in (ReadOnlySpan<XElement?>)[identifier, sender])
        {
            if (token is not null && CapTokens.Check(token.Value) is { } reason)
            {
                issues.Add(Issue(CapErrorCode.RestrictedCharacters, token, $"{token.Name.LocalName} '{token.Value}' {reason}"));
            }
        }

        DateTimeOffset? sent = CapDateTime.TryParse(alert.Element(Cap + "sent")?.Value, out var s) ? s : null;
        CheckReferences(alert, identifier?.Value, sender?.Value, sent, issues);
        CheckScope(alert, issues);
        foreach (var info in alert.Elements(Cap + "info"))
        {
            CheckExpires(info, sent, issues);
            CheckUris(info, issues);
            CheckText(info, issues);
            foreach (var area in info.Elements(Cap + "area"))
            {
                CheckArea(area, issues);
            }
        }
    }

    private static void CheckReferences(XElement alert, string? identifier, string? sender, DateTimeOffset? sent, List<CapValidationError> issues)
    {
        var messageType = alert.Element(Cap + "msgType");
        var references = alert.Element(Cap + "references");
        if (references is null)
        {
            if (messageType is not null && TypesThatReference.Contains(messageType.Value))
            {
                issues.Add(Issue(CapErrorCode.ReferencesMissing, messageType, $"a {messageType.Value} must name the message(s) it refers to in references"));
            }

            return;
        }

        var triples = references.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (triples.Length == 0)
        {
            issues.Add(Issue(CapErrorCode.ReferencesEmpty, references, "references is empty: it must list at least one sender,identifier,sent"));
            return;
        }

        foreach (var triple in triples)
        {
            if (!CapReference.TryParse(triple, out var reference, out var reason))
            {
                issues.Add(Issue(CapErrorCode.ReferenceMalformed, references, reason!));
                continue;
            }

            if (reference!.Sender == sender && reference.Identifier == identifier)
            {
                issues.Add(Issue(CapErrorCode.SelfReference, references, $"'{triple}' is this message itself"));
            }
            else if (sent is { } own && reference.Sent > own)
            {
                issues.Add(Issue(CapErrorCode.ReferenceAfterSent, references, $"'{triple}' is dated after this message's sent", CapIssueSeverity.Warning));
            }
        }
    }

    private static void CheckScope(XElement alert, List<CapValidationError> issues)
    {
        var scope = alert.Element(Cap + "scope")?.Value;
        if (alert.Element(Cap + "restriction") is { } restriction && scope != "Restricted")
        {
            issues.Add(Issue(CapErrorCode.Restriction, restriction, $"restriction is for scope Restricted only (scope is {scope ?? "missing"})"));
        }

        if (scope == "Private" && string.IsNullOrWhiteSpace(alert.Element(Cap + "addresses")?.Value))
        {
            issues.Add(Issue(CapErrorCode.AddressesMissing, alert.Element(Cap + "scope")!, "scope Private needs addresses"));
        }
    }

    private static void CheckExpires(XElement info, DateTimeOffset? sent, List<CapValidationError> issues)
    {
        if (info.Element(Cap + "expires") is not { } expires || !CapDateTime.TryParse(expires.Value, out var end))
        {
            return;
        }

        var effective = info.Element(Cap + "effective");
        DateTimeOffset? start = effective is not null && CapDateTime.TryParse(effective.Value, out var e) ? e : sent;
        if (start is { } from && end <= from)
        {
            var what = effective is null ? "sent" : "effective";
            issues.Add(Issue(CapErrorCode.ExpiresNotAfterSent, expires, $"expires {expires.Value} is not after {what}"));
        }
    }

    private static void CheckUris(XElement info, List<CapValidationError> issues)
    {
        if (info.Element(Cap + "web") is { } web && !IsAbsoluteUri(web.Value))
        {
            issues.Add(Issue(CapErrorCode.Uri, web, $"web '{web.Value}' is not an absolute URI"));
        }

        foreach (var resource in info.Elements(Cap + "resource"))
        {
            if (resource.Element(Cap + "uri") is { } uri
                && !IsAbsoluteUri(uri.Value)
                && resource.Element(Cap + "derefUri") is null)
            {
                issues.Add(Issue(CapErrorCode.Uri, uri, $"uri '{uri.Value}' is relative and the resource has no derefUri"));
            }
        }
    }

    /// <summary>Free text should be plain: CAP readers show it as is (google/cap-library warns on markup).</summary>
    private static void CheckText(XElement info, List<CapValidationError> issues)
    {
        foreach (var name in (ReadOnlySpan<string>)["event", "senderName", "headline", "description", "instruction"])
        {
            if (info.Element(Cap + name) is { } text && Markup().IsMatch(text.Value))
            {
                issues.Add(Issue(CapErrorCode.HtmlInText, text, $"{name} looks like it carries HTML markup or entities", CapIssueSeverity.Warning));
            }
        }
    }

    /// <summary>
    /// An absolute URI with a scheme (RFC 3986 §4.3). <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>
    /// alone is not enough: on Unix it takes "/a/b" for an absolute file path.
    /// </summary>
    private static bool IsAbsoluteUri(string text)
    {
        var trimmed = text.Trim();
        return Scheme().IsMatch(trimmed) && Uri.TryCreate(trimmed, UriKind.Absolute, out _);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
