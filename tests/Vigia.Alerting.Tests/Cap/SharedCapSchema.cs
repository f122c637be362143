using System.Xml;
using System.Xml.Schema;
using Vigia.Testing;

namespace Vigia.Alerting.Tests.Cap;

/// <summary>
/// An independent check of documents against the shared copy of the OASIS schema
/// (<c>shared/data/cap/CAP-v1.2.xsd</c>), not the product's embedded one.
/// </summary>
internal static class SharedCapSchema
{
    public static IReadOnlyList<string> Errors(string xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = null };
        using (var xsd = XmlReader.Create(TestPaths.SharedData("cap", "CAP-v1.2.xsd"), new XmlReaderSettings { XmlResolver = null }))
        {
            schemas.Add(null, xsd);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
