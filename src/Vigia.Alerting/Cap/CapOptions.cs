namespace Vigia.Alerting.Cap;

/// <summary>Who issues Vigía's CAP messages and in which time zone they are dated.</summary>
public sealed record CapOptions
{
    /// <summary>
    /// CAP <c>sender</c>: globally unique for the issuing system, e.g. <c>vigia@el-bejuco.example</c>. No
    /// spaces, commas, <c>&lt;</c> or <c>&amp;</c> (<see cref="CapTokens"/>).
    /// </summary>
    public required string Sender { get; init; }

    /// <summary>CAP <c>senderName</c>: the human-readable name of the issuer, e.g. <c>Vigía — El Bejuco</c>.</summary>
    public required string SenderName { get; init; }

    /// <summary>
    /// The zone whose offset dates the messages (<c>sent</c>, <c>expires</c>). UTC by default; a Mexican
    /// site would use <c>America/Mexico_City</c> (−06:00).
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// How long after <c>sent</c> a message expires when the alert's own <c>ExpiresAt</c> is not later than
    /// the version's time (CAP needs <c>expires</c> after <c>sent</c>). One minute by default.
    /// </summary>
    public TimeSpan MinimumLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Problems with these options, each <c>Field: reason</c>; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CapTokens.Check(Sender) is { } sender)
        {
            errors.Add($"Sender: '{Sender}' {sender}");
        }

        if (string.IsNullOrWhiteSpace(SenderName))
        {
            errors.Add("SenderName: must not be empty");
        }

        if (TimeZone is null)
        {
            errors.Add("TimeZone: must be set");
        }

        if (MinimumLifetime < TimeSpan.FromSeconds(1))
        {
            errors.Add($"MinimumLifetime: {MinimumLifetime} must be at least one second");
        }

        return errors;
    }
}
