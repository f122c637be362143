using System.Xml.Linq;
using Vigia.Alerting.Alerts;

namespace Vigia.Alerting.Cap;

/// <summary>
/// Turns one alert version into an OASIS CAP 1.2 <c>alert</c> (namespace <see cref="CapSpec.Namespace"/>):
/// version 1 is an <c>Alert</c>, later versions <c>Update</c>s, the cleared version a <c>Cancel</c>; each
/// later message references every earlier one. Two <c>info</c> blocks, Spanish (es-MX) first, then English
/// (en-US). Demo and replay alerts are <c>Exercise</c>, never <c>Actual</c>.
/// </summary>
/// <remarks>
/// Pure: the same alert history and options always give the same bytes. <c>sent</c> is the version's
/// <see cref="Alert.UpdatedAt"/> truncated to the second, in <see cref="CapOptions.TimeZone"/>.
/// Thread-safety: immutable, safe to share.
/// </remarks>
public sealed partial class CapMessageBuilder
{
    private static readonly XNamespace Cap = CapSpec.Namespace;
    private readonly CapOptions _options;

    /// <summary>Builds messages for one issuer.</summary>
    /// <exception cref="ArgumentException">The options are not usable (the message names the field).</exception>
    public CapMessageBuilder(CapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("CAP options: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
    }

    /// <summary>The <c>identifier</c> of one alert version: <c>vigia-{alert id}-{version}</c>, escaped by <see cref="CapTokens.Escape"/>.</summary>
    public static string IdentifierOf(string alertId, int version)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return $"vigia-{CapTokens.Escape(alertId)}-{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>How a message for <paramref name="alert"/> is named in later messages' <c>references</c>.</summary>
    public CapReference ReferenceOf(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var sent = CapDateTime.Truncate(alert.UpdatedAt.ToDateTimeOffset());
        return new CapReference(_options.Sender, IdentifierOf(alert.Id, alert.Version), sent, CapDateTime.Format(sent, _options.TimeZone));
    }

    /// <summary>
    /// The message for <paramref name="alert"/>, referencing the messages of <paramref name="earlierVersions"/>
    /// (every earlier version of the same alert that was issued, in any order).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An earlier version belongs to another alert, is not earlier, or appears twice; or the alert has no level
    /// while standing. These are bugs in the caller, not bad data.
    /// </exception>
    public CapMessage Build(Alert alert, IReadOnlyList<Alert> earlierVersions)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(earlierVersions);
        var earlier = CheckHistory(alert, earlierVersions);
        var self = ReferenceOf(alert);
        var cleared = !alert.IsActive;
        var messageType = cleared ? "Cancel" : earlier.Count == 0 ? "Alert" : "Update";
        var status = alert.Exercise ? "Exercise" : "Actual";

        var root = new XElement(
            Cap + "alert",
            new XElement(Cap + "identifier", self.Identifier),
            new XElement(Cap + "sender", self.Sender),
            new XElement(Cap + "sent", self.SentText),
            new XElement(Cap + "status", status),
            new XElement(Cap + "msgType", messageType),
            new XElement(Cap + "scope", "Public"),
            alert.Exercise ? new XElement(Cap + "note", CapWording.ExerciseNote) : null,
            earlier.Count > 0 ? new XElement(Cap + "references", string.Join(' ', earlier.Select(ReferenceOf))) : null,
            // One incident, many messages: CAP's incidents element groups them under the alert's id.
            new XElement(Cap + "incidents", CapTokens.Escape(alert.Id)),
            Info(alert, AlertLanguage.Spanish, self.Sent, cleared),
            Info(alert, AlertLanguage.English, self.Sent, cleared));

        return new CapMessage
        {
            AlertId = alert.Id,
            Version = alert.Version,
            Identifier = self.Identifier,
            Sender = self.Sender,
            Sent = self.Sent,
            SentText = self.SentText,
            Status = status,
            MessageType = messageType,
            Expires = Expires(alert, self.Sent),
            Headline = CapWording.Headline(alert, AlertLanguage.Spanish, cleared),
            Xml = CapXml.Serialise(new XDocument(new XDeclaration("1.0", "UTF-8", null), root)),
        };
    }

    /// <summary>Every message of one alert's history, oldest first (each referencing all before it).</summary>
    public IReadOnlyList<CapMessage> BuildAll(IReadOnlyList<Alert> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ordered = history.OrderBy(a => a.Version).ToArray();
        return [.. ordered.Select((a, i) => Build(a, ordered[..i]))];
    }

    private static List<Alert> CheckHistory(Alert alert, IReadOnlyList<Alert> earlierVersions)
    {
        if (alert.IsActive && alert.Level == AlertLevel.None)
        {
            throw new ArgumentException($"alert {alert.Id} v{alert.Version} is standing with no level", nameof(alert));
        }

        var seen = new HashSet<int>();
        foreach (var e in earlierVersions)
        {
            if (e is null || e.Id != alert.Id)
            {
                throw new ArgumentException($"an earlier version is not of alert {alert.Id}", nameof(earlierVersions));
            }

            if (e.Version >= alert.Version || !seen.Add(e.Version))
            {
                throw new ArgumentException($"earlier version {e.Version} of {alert.Id} is not before {alert.Version} or is repeated", nameof(earlierVersions));
            }
        }

        return [.. earlierVersions.OrderBy(e => e.Version)];
    }
}
