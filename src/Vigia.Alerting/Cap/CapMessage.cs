using System.Text;

namespace Vigia.Alerting.Cap;

/// <summary>
/// One CAP 1.2 message made from one alert version by <see cref="CapMessageBuilder"/>: the document and
/// what a feed or a later message needs to know about it.
/// </summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record CapMessage
{
    /// <summary>The alert (incident) this message is a version of.</summary>
    public required string AlertId { get; init; }

    /// <summary>The alert version the message was made from.</summary>
    public required int Version { get; init; }

    /// <summary>CAP <c>identifier</c>, unique per version.</summary>
    public required string Identifier { get; init; }

    /// <summary>CAP <c>sender</c>.</summary>
    public required string Sender { get; init; }

    /// <summary>CAP <c>sent</c> (whole seconds).</summary>
    public required DateTimeOffset Sent { get; init; }

    /// <summary>CAP <c>sent</c> as written.</summary>
    public required string SentText { get; init; }

    /// <summary>CAP <c>status</c>: <c>Actual</c>, or <c>Exercise</c> for demos and replays.</summary>
    public required string Status { get; init; }

    /// <summary>CAP <c>msgType</c>: <c>Alert</c>, <c>Update</c> or <c>Cancel</c>.</summary>
    public required string MessageType { get; init; }

    /// <summary>CAP <c>expires</c> of the info blocks (whole seconds): after it the message is no longer current.</summary>
    public required DateTimeOffset Expires { get; init; }

    /// <summary>The first (Spanish) <c>info</c> block's headline, for feeds.</summary>
    public required string Headline { get; init; }

    /// <summary>The whole <c>alert</c> document, UTF-8 XML text with its declaration.</summary>
    public required string Xml { get; init; }

    /// <summary>How a later message names this one in <c>references</c>.</summary>
    public CapReference Reference => new(Sender, Identifier, Sent, SentText);

    /// <summary>The document as UTF-8 bytes (no byte order mark), for serving as <c>application/cap+xml</c>.</summary>
    public byte[] ToUtf8Bytes() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Xml);
}
