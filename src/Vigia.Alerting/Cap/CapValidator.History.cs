using System.Xml.Linq;

namespace Vigia.Alerting.Cap;

/// <summary>
/// The rule between messages of one incident (Google and IPAWS profiles, §2–3 of the shared profile notes):
/// an <c>Update</c> or <c>Cancel</c> references every earlier message, each exactly as it was issued.
/// </summary>
public static partial class CapValidator
{
    private static void CheckHistory(XElement alert, IReadOnlyList<CapReference> earlier, List<CapValidationError> issues)
    {
        var messageType = alert.Element(Cap + "msgType");
        var references = alert.Element(Cap + "references");
        var at = references ?? messageType ?? alert;
        if (earlier.Count > 0 && messageType?.Value == "Alert")
        {
            issues.Add(Issue(CapErrorCode.HistoryNotUpdate, messageType, $"{earlier.Count} earlier message(s) of this incident exist: this must be an Update or Cancel, not an Alert"));
        }

        var named = new List<CapReference>();
        foreach (var triple in references?.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            // Malformed triples were reported by the single-message rules.
            if (CapReference.TryParse(triple, out var reference, out _))
            {
                named.Add(reference!);
            }
        }

        foreach (var message in earlier)
        {
            if (named.Any(message.SameMessage))
            {
                continue;
            }

            var sameId = named.FirstOrDefault(n => n.Sender == message.Sender && n.Identifier == message.Identifier);
            issues.Add(sameId is null
                ? Issue(CapErrorCode.HistoryMissingReference, at, $"earlier message {message} is not referenced")
                : Issue(CapErrorCode.HistoryUnknownReference, at, $"{sameId} names {message.Identifier} with the wrong sent (it was sent {message.SentText})"));
        }

        foreach (var reference in named)
        {
            if (!earlier.Any(m => m.Sender == reference.Sender && m.Identifier == reference.Identifier))
            {
                issues.Add(Issue(CapErrorCode.HistoryUnknownReference, at, $"{reference} is not an earlier message of this incident"));
            }
        }

        if (CapDateTime.TryParse(alert.Element(Cap + "sent")?.Value, out var sent))
        {
            foreach (var message in earlier.Where(m => m.Sent > sent))
            {
                issues.Add(Issue(CapErrorCode.HistoryOrder, at, $"earlier message {message} is dated after this message"));
            }
        }
    }
}
