namespace Vigia.Alerting.Cap;

/// <summary>Names fixed by the OASIS CAP 1.2 specification and its schema.</summary>
public static class CapSpec
{
    /// <summary>The CAP 1.2 XML namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The media type of a CAP document (IANA registration).</summary>
    public const string MediaType = "application/cap+xml";

    /// <summary>The manifest name of the embedded OASIS schema (<c>CAP-v1.2.xsd</c>, notice kept).</summary>
    public const string SchemaResourceName = "Vigia.Alerting.Cap.CAP-v1.2.xsd";
}
