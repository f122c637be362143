namespace Vigia.Alerting.Cap;

/// <summary>What a <see cref="CapValidationError"/> is about. Stable names: tests and logs use them.</summary>
public enum CapErrorCode
{
    /// <summary>Not well-formed XML, or bigger than the validator's limit.</summary>
    NotWellFormed,

    /// <summary>A DOCTYPE (DTD, entity declarations): refused before anything is resolved (XXE).</summary>
    DtdProhibited,

    /// <summary>The root is not <c>alert</c> in the CAP 1.2 namespace.</summary>
    NotCapAlert,

    /// <summary>The OASIS CAP 1.2 schema rejects the document.</summary>
    Schema,

    /// <summary><c>identifier</c> or <c>sender</c> has a space, comma, <c>&lt;</c>, <c>&amp;</c> or is empty.</summary>
    RestrictedCharacters,

    /// <summary>An <c>Update</c>, <c>Cancel</c>, <c>Ack</c> or <c>Error</c> has no <c>references</c>.</summary>
    ReferencesMissing,

    /// <summary><c>references</c> is present but empty.</summary>
    ReferencesEmpty,

    /// <summary>A reference is not <c>sender,identifier,sent</c> with a CAP date.</summary>
    ReferenceMalformed,

    /// <summary>The message references itself.</summary>
    SelfReference,

    /// <summary>A reference is dated after the message's own <c>sent</c> (a warning).</summary>
    ReferenceAfterSent,

    /// <summary><c>restriction</c> without <c>scope</c> <c>Restricted</c>, or <c>Restricted</c> without it.</summary>
    Restriction,

    /// <summary><c>scope</c> <c>Private</c> without <c>addresses</c>.</summary>
    AddressesMissing,

    /// <summary><c>expires</c> is not after <c>effective</c> (or <c>sent</c> when there is no <c>effective</c>).</summary>
    ExpiresNotAfterSent,

    /// <summary>A polygon has fewer than 4 points.</summary>
    PolygonTooFewPoints,

    /// <summary>A polygon's first point is not its last.</summary>
    PolygonNotClosed,

    /// <summary>A polygon or circle point is not <c>lat,lon</c> in WGS 84 ranges.</summary>
    BadCoordinate,

    /// <summary>Two polygon edges cross.</summary>
    PolygonSelfIntersecting,

    /// <summary>A circle is not <c>lat,lon radius</c>, or its radius is negative.</summary>
    CircleMalformed,

    /// <summary><c>ceiling</c> without <c>altitude</c>, or not above it.</summary>
    Ceiling,

    /// <summary><c>web</c> is not an absolute URI, or a resource's relative <c>uri</c> has no <c>derefUri</c>.</summary>
    Uri,

    /// <summary>Free text carries HTML markup (a warning).</summary>
    HtmlInText,

    /// <summary>A later message of an incident is an <c>Alert</c> instead of an <c>Update</c> or <c>Cancel</c>.</summary>
    HistoryNotUpdate,

    /// <summary>An earlier message of the incident is not referenced.</summary>
    HistoryMissingReference,

    /// <summary>A reference names no earlier message of the incident, or names it with another <c>sent</c>.</summary>
    HistoryUnknownReference,

    /// <summary>An earlier message of the incident is dated after this one.</summary>
    HistoryOrder,
}
