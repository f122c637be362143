using System.Xml;
using System.Xml.Schema;

namespace Vigia.Alerting.Cap;

/// <summary>
/// The official OASIS CAP 1.2 schema, shipped inside this assembly (<see cref="CapSpec.SchemaResourceName"/>,
/// byte-for-byte the OASIS file with its copyright notice).
/// </summary>
internal static class CapSchema
{
    private static readonly Lazy<byte[]> Bytes = new(ReadResource);

    /// <summary>The schema file as shipped.</summary>
    public static ReadOnlySpan<byte> FileBytes => Bytes.Value;

    /// <summary>
    /// A freshly compiled schema set. A new one per validation: <see cref="XmlSchemaSet"/> is not documented
    /// as safe to share between threads, and compiling this small schema costs well under a millisecond.
    /// </summary>
    public static XmlSchemaSet Create()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var stream = new MemoryStream(Bytes.Value, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }

    private static byte[] ReadResource()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream(CapSpec.SchemaResourceName)
            ?? throw new InvalidOperationException($"embedded resource {CapSpec.SchemaResourceName} is missing from {typeof(CapSchema).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
