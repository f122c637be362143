namespace Vigia.Alerting.Cap;

/// <summary>
/// One earlier message as CAP's <c>references</c> names it (§3.2.1): <c>sender,identifier,sent</c>.
/// </summary>
/// <param name="Sender">The earlier message's <c>sender</c>.</param>
/// <param name="Identifier">The earlier message's <c>identifier</c>.</param>
/// <param name="Sent">The earlier message's <c>sent</c> (whole seconds).</param>
/// <param name="SentText">
/// <paramref name="Sent"/> exactly as written in the earlier message (its offset included), so a reference
/// repeats it character for character.
/// </param>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent, string SentText)
{
    /// <summary>The triple as written in <c>references</c>.</summary>
    public override string ToString() => $"{Sender},{Identifier},{SentText}";

    /// <summary>
    /// Reads one <c>sender,identifier,sent</c> triple; false with a reason for anything else (a missing or
    /// extra part, a sender or identifier that breaks <see cref="CapTokens"/>, a date not in CAP form).
    /// </summary>
    public static bool TryParse(string text, out CapReference? reference, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        reference = null;
        var parts = text.Split(',');
        if (parts.Length != 3)
        {
            reason = $"'{text}' is not sender,identifier,sent ({parts.Length} comma-separated parts)";
            return false;
        }

        if (CapTokens.Check(parts[0]) is { } badSender)
        {
            reason = $"'{text}': sender {badSender}";
            return false;
        }

        if (CapTokens.Check(parts[1]) is { } badIdentifier)
        {
            reason = $"'{text}': identifier {badIdentifier}";
            return false;
        }

        if (!CapDateTime.TryParse(parts[2], out var sent))
        {
            reason = $"'{text}': sent '{parts[2]}' is not a CAP date-time (yyyy-MM-ddThh:mm:ss±hh:mm)";
            return false;
        }

        reference = new CapReference(parts[0], parts[1], sent, parts[2]);
        reason = null;
        return true;
    }

    /// <summary>Same message: same sender, identifier and instant (the offset may be written differently).</summary>
    public bool SameMessage(CapReference other) =>
        other is not null && Sender == other.Sender && Identifier == other.Identifier && Sent == other.Sent;
}
