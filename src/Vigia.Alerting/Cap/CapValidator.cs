using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Vigia.Alerting.Cap;

/// <summary>
/// Checks a CAP 1.2 document: well-formed and safe to read (any DOCTYPE is refused before anything is
/// resolved, so no external entity, DTD or schema location is ever fetched), valid against the official
/// OASIS schema (embedded), and the specification's rules that no schema checks (listed in
/// <c>Cap/README.md</c>). Every problem is returned as a value with where and why; nothing throws for bad
/// input.
/// </summary>
/// <remarks>Thread-safety: stateless; safe to call from any thread.</remarks>
public static partial class CapValidator
{
    /// <summary>Documents longer than this many characters are refused unread (8 Mi).</summary>
    public const long MaxDocumentCharacters = 8L * 1024 * 1024;

    private static readonly XNamespace Cap = CapSpec.Namespace;

    /// <summary>Validates one CAP document given as text.</summary>
    public static CapValidationResult Validate(string xml) => Validate(xml, earlierMessages: null);

    /// <summary>
    /// Validates one CAP document and, when <paramref name="earlierMessages"/> is given (every message issued
    /// before for the same incident), that it is an <c>Update</c> or <c>Cancel</c> referencing each of them
    /// exactly as issued and nothing else.
    /// </summary>
    public static CapValidationResult Validate(string xml, IReadOnlyList<CapReference>? earlierMessages)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var issues = new List<CapValidationError>();
        var root = Load(xml, issues);
        if (root is not null)
        {
            CheckRules(root, issues);
            if (earlierMessages is not null)
            {
                CheckHistory(root, earlierMessages, issues);
            }
        }

        return new CapValidationResult(issues);
    }

    /// <summary>
    /// Validates a document read from <paramref name="utf8"/> (UTF-8, or UTF-16 with a byte order mark);
    /// at most <see cref="MaxDocumentCharacters"/> characters are read.
    /// </summary>
    public static CapValidationResult Validate(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var reader = new StreamReader(utf8, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = new StringBuilder();
        var chunk = new char[8192];
        for (int read; (read = reader.Read(chunk, 0, chunk.Length)) > 0;)
        {
            text.Append(chunk, 0, read);
            if (text.Length > MaxDocumentCharacters)
            {
                return new CapValidationResult([Issue(CapErrorCode.NotWellFormed, string.Empty, 0, 0, $"document longer than {MaxDocumentCharacters} characters")]);
            }
        }

        return Validate(text.ToString());
    }

    /// <summary>Parses with schema validation; null (with the reason recorded) if unreadable, refused or not a CAP 1.2 alert.</summary>
    private static XElement? Load(string xml, List<CapValidationError> issues)
    {
        var schemaIssues = new List<(int Line, int Position, string Reason)>();
        var settings = new XmlReaderSettings
        {
            // XXE: no DTD is ever processed and nothing is ever resolved (entities, DTDs, xsi:schemaLocation).
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxDocumentCharacters,
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.None,
            Schemas = CapSchema.Create(),
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                schemaIssues.Add((e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0, e.Message));
            }
        };

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var doctype = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (doctype >= 0 && ex.LineNumber == 0)
            {
                var (line, position) = LineAndPosition(xml, doctype);
                issues.Add(Issue(CapErrorCode.DtdProhibited, string.Empty, line, position, "a DOCTYPE (DTD or entity declarations) is refused: CAP needs none, and resolving one is an XML external entity risk"));
            }
            else
            {
                issues.Add(Issue(CapErrorCode.NotWellFormed, string.Empty, ex.LineNumber, ex.LinePosition, ex.Message));
            }

            return null;
        }

        var root = document.Root!;
        if (root.Name != Cap + "alert")
        {
            issues.Add(Issue(CapErrorCode.NotCapAlert, "/" + root.Name.LocalName, root, $"the root element is {{{root.Name.NamespaceName}}}{root.Name.LocalName}, not alert in {CapSpec.Namespace}"));
            return null;
        }

        foreach (var (line, position, reason) in schemaIssues)
        {
            var at = ElementAt(root, line, position);
            issues.Add(Issue(CapErrorCode.Schema, at is null ? string.Empty : PathOf(at), line, position, reason));
        }

        return root;
    }

    /// <summary>The last element starting at or before (line, position): where a schema error was reported.</summary>
    private static XElement? ElementAt(XElement root, int line, int position)
    {
        XElement? best = null;
        foreach (var element in root.DescendantsAndSelf())
        {
            var info = (IXmlLineInfo)element;
            if (info.LineNumber < line || (info.LineNumber == line && info.LinePosition <= position))
            {
                best = element;
            }
            else
            {
                break;
            }
        }

        return best;
    }

    /// <summary>XPath-like location with local names and 1-based indices among same-named siblings.</summary>
    internal static string PathOf(XElement element)
    {
        var steps = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Parent is null)
            {
                steps.Add(e.Name.LocalName);
                break;
            }

            var index = e.ElementsBeforeSelf(e.Name).Count() + 1;
            steps.Add($"{e.Name.LocalName}[{index}]");
        }

        steps.Reverse();
        return "/" + string.Join('/', steps);
    }

    private static (int Line, int Position) LineAndPosition(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static CapValidationError Issue(CapErrorCode code, string path, int line, int position, string reason, CapIssueSeverity severity = CapIssueSeverity.Error) =>
        new(code, severity, path, line, position, reason);

    private static CapValidationError Issue(CapErrorCode code, string path, XElement at, string reason, CapIssueSeverity severity = CapIssueSeverity.Error)
    {
        var info = (IXmlLineInfo)at;
        return new CapValidationError(code, severity, path, info.LineNumber, info.LinePosition, reason);
    }

    private static CapValidationError Issue(CapErrorCode code, XElement at, string reason, CapIssueSeverity severity = CapIssueSeverity.Error) =>
        Issue(code, PathOf(at), at, reason, severity);
}
