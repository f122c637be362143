namespace Vigia.Alerting.Cap;

/// <summary>Where Vigía's CAP messages are published and how its Atom index feed names itself.</summary>
public sealed record CapFeedOptions
{
    /// <summary>
    /// The absolute base address the messages are served under: entries link to
    /// <c>{BaseUri}cap/{identifier}.xml</c>, the feed to <c>{BaseUri}cap/feed.atom</c>.
    /// </summary>
    public required Uri BaseUri { get; init; }

    /// <summary>The feed's title, e.g. <c>Vigía — alertas de drones, El Bejuco</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The feed's author (Atom needs one), e.g. the sender name.</summary>
    public required string AuthorName { get; init; }

    /// <summary>The path of the feed itself under <see cref="BaseUri"/>.</summary>
    public string FeedPath { get; init; } = "cap/feed.atom";

    /// <summary>The address a message is served at.</summary>
    public Uri MessageUri(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return new Uri(BaseUri, "cap/" + Uri.EscapeDataString(identifier) + ".xml");
    }
}
