namespace Vigia.Server.Threats;

/// <summary>CAP 1.2 publishing settings (configuration section <c>Vigia:Cap</c>).</summary>
public sealed class CapServerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Vigia:Cap";

    /// <summary>CAP <c>sender</c> (no spaces or commas), e.g. <c>vigia@el-bejuco.example</c>. Default <c>vigia@localhost</c>.</summary>
    public string Sender { get; set; } = "vigia@localhost";

    /// <summary>CAP <c>senderName</c>. Default <c>Vigía</c>.</summary>
    public string SenderName { get; set; } = "Vigía";

    /// <summary>Title of the Atom feed. Default <c>Vigía — alertas de drones</c>.</summary>
    public string FeedTitle { get; set; } = "Vigía — alertas de drones";

    /// <summary>IANA or Windows time zone id the messages are dated in (e.g. <c>America/Mexico_City</c>). Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Serve <c>/cap/feed.atom</c> and <c>/cap/{id}.xml</c> without a key, for public alerting aggregators.
    /// Off by default: nothing is readable without a key unless the operator decides so.
    /// </summary>
    public bool Public { get; set; }

    /// <summary>
    /// Absolute base URL written into the feed's links. Required with <see cref="Public"/> (links never come from an
    /// anonymous request's Host header); otherwise the default is the request's own scheme and host.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>With <see cref="Public"/>: requests per second each anonymous client address may make to <c>/cap</c> on average; excess gets 429. Default 5.</summary>
    public int RequestsPerSecondPerClient { get; set; } = 5;

    /// <summary>With <see cref="Public"/>: burst above that average. Default 20.</summary>
    public int RequestBurstPerClient { get; set; } = 20;
}
