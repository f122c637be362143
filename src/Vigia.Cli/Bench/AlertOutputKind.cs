namespace Vigia.Cli.Bench;

/// <summary>The alert outputs <c>vigia bench alerts</c> times.</summary>
internal enum AlertOutputKind
{
    /// <summary>A signed Standard Webhooks POST to the bench's loopback receiver.</summary>
    Webhook,

    /// <summary>A CoT datagram (TAK UDP, loopback unicast) to the bench's listener.</summary>
    Cot,

    /// <summary>The version's CAP message listed in <c>/cap/feed.atom</c>, polled at an interval.</summary>
    Cap,
}
