using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Vigia.Alerting.Cap;

/// <summary>
/// An Atom 1.0 (RFC 4287) index feed of the current CAP messages: one entry per alert (its latest
/// version), newest first, each linking to the full message as <c>application/cap+xml</c> — the "index
/// feed" that CAP aggregators (e.g. Google Public Alerts) poll.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
public static class CapAtomFeed
{
    /// <summary>The Atom namespace.</summary>
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>The media type of the feed.</summary>
    public const string MediaType = "application/atom+xml";

    private static readonly XNamespace Atom = Namespace;

    /// <summary>
    /// The feed of <paramref name="messages"/> as they stand at <paramref name="now"/>: for each alert the
    /// message of its highest version, left out once that message has expired.
    /// </summary>
    public static string Write(CapFeedOptions options, IEnumerable<CapMessage> messages, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(messages);
        var current = messages
            .GroupBy(m => (m.Sender, m.AlertId))
            .Select(g => g.MaxBy(m => m.Version)!)
            .Where(m => m.Expires > now)
            .OrderByDescending(m => m.Sent)
            .ThenBy(m => m.AlertId, StringComparer.Ordinal)
            .ToList();
        var updated = current.Count > 0 ? current.Max(m => m.Sent) : now;
        var self = new Uri(options.BaseUri, options.FeedPath);
        var feed = new XElement(
            Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "es-MX"),
            new XElement(Atom + "id", self.AbsoluteUri),
            new XElement(Atom + "title", options.Title),
            new XElement(Atom + "updated", Rfc3339(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", MediaType), new XAttribute("href", self.AbsoluteUri)),
            new XElement(Atom + "author", new XElement(Atom + "name", options.AuthorName)),
            new XElement(Atom + "generator", "Vigía"),
            current.Select(m => Entry(options, m)));
        return CapXml.Serialise(new XDocument(new XDeclaration("1.0", "UTF-8", null), feed));
    }

    private static XElement Entry(CapFeedOptions options, CapMessage message) => new(
        Atom + "entry",
        new XElement(Atom + "id", EntryId(message)),
        new XElement(Atom + "title", message.Headline),
        new XElement(Atom + "updated", Rfc3339(message.Sent)),
        new XElement(
            Atom + "link",
            new XAttribute("rel", "alternate"),
            new XAttribute("type", CapSpec.MediaType),
            new XAttribute("href", options.MessageUri(message.Identifier).AbsoluteUri)),
        new XElement(Atom + "category", new XAttribute("term", message.MessageType)),
        new XElement(Atom + "category", new XAttribute("term", message.Status)));

    /// <summary>
    /// A permanent id per alert (not per version: an entry is updated in place), as a UUID URN whose bits come
    /// from SHA-256 of sender and alert id (RFC 9562 version 8, name-based).
    /// </summary>
    internal static string EntryId(CapMessage message)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(message.Sender + "\n" + message.AlertId), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash[..16], bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
    }

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
