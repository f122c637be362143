using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Vigia.Alerting.Cap;
using Vigia.Testing;

namespace Vigia.Alerting.Tests.Cap;

/// <summary>The shared CAP corpus (<c>shared/data/cap</c>, see its SOURCES.md) and XML safety.</summary>
public sealed partial class CapValidatorTests
{
    public static TheoryData<string> ValidExamples() =>
    [
        "mx-smn-tropical-storm-update-es-419.xml",
        "oasis-A1-homeland-security.xml",
        "oasis-A2-severe-thunderstorm-polygon.xml",
        "oasis-A3-earthquake-update-circle.xml",
        "oasis-A4-amber-en-US-es-US.xml",
        "us-ipaws-cancel-signed.xml",
    ];

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void ValidExamples_HaveNoErrors(string file)
    {
        var result = CapValidator.Validate(File.ReadAllText(TestPaths.SharedData("cap", "valid", file)));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void MissingScope_IsASchemaErrorAtTheInfoOnLine9()
    {
        // SOURCES.md: "scope is missing … XSD error at line 9" (info where scope was expected).
        var result = Read("google-missing-scope.cap");

        var error = Assert.Single(result.Errors);
        Assert.Equal(CapErrorCode.Schema, error.Code);
        Assert.Equal(9, error.Line);
        Assert.Equal("/alert/info[1]", error.Path);
        Assert.Contains("scope", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyReferences_PassesTheSchema_ButBreaksTheSpecification()
    {
        // SOURCES.md: passes the OASIS XSD; an empty <references/> on an Update, and <restriction/> with scope Public.
        var result = Read("google-canada-empty-references.cap");

        Assert.DoesNotContain(result.Errors, e => e.Code == CapErrorCode.Schema);
        var references = Assert.Single(result.Errors, e => e.Code == CapErrorCode.ReferencesEmpty);
        Assert.Equal("/alert/references[1]", references.Path);
        Assert.Equal(12, references.Line);
        Assert.Single(result.Errors, e => e.Code == CapErrorCode.Restriction && e.Path == "/alert/restriction[1]");
    }

    [Fact]
    public void WrongNamespace_IsNotACapAlert()
    {
        // SOURCES.md: the namespace was altered to urn:oasis:names:tc:emergency:alerts:1.2.
        var result = Read("capparselib-wrong-namespace.cap");

        var error = Assert.Single(result.Errors);
        Assert.Equal(CapErrorCode.NotCapAlert, error.Code);
        Assert.Contains("urn:oasis:names:tc:emergency:alerts:1.2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NonConformantFeedItem_FailsTheSchema_AtSenderNameOutOfOrder()
    {
        // SOURCES.md: senderName after headline, invented elements.
        var result = Read("se-krisinformation-nonconformant.cap");

        var first = result.Errors.First();
        Assert.Equal(CapErrorCode.Schema, first.Code);
        Assert.Equal(17, first.Line);
        Assert.EndsWith("/senderName[1]", first.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void XxeFixture_IsRefusedAtTheDoctype_BeforeTheSchema()
    {
        var result = Read("google-xxe-entities.cap");

        var error = Assert.Single(result.Issues);
        Assert.Equal(CapErrorCode.DtdProhibited, error.Code);
        Assert.Equal((3, 1), (error.Line, error.Position));
    }

    [Fact]
    public void ExternalEntities_AreNeverResolved_NoFileReadNoConnectionMade()
    {
        var canaryDirectory = TestPaths.NewTempDirectory();
        var canary = Path.Combine(canaryDirectory, "canary.txt");
        File.WriteAllText(canary, "CANARY-7f3e");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var fixture = File.ReadAllText(TestPaths.SharedData("cap", "invalid", "google-xxe-entities.cap"))
            .Replace("http://localhost:8080", $"http://127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("file:///etc/passwd", new Uri(canary).AbsoluteUri, StringComparison.Ordinal)
            .Replace("<!ENTITY xxe SYSTEM \"http", $"<!ENTITY xxe SYSTEM \"{new Uri(canary).AbsoluteUri}\"><!ENTITY unused SYSTEM \"http", StringComparison.Ordinal);
        Assert.Contains(new Uri(canary).AbsoluteUri, fixture, StringComparison.Ordinal);

        var result = CapValidator.Validate(fixture);

        Assert.Equal(CapErrorCode.DtdProhibited, Assert.Single(result.Issues).Code);
        Assert.DoesNotContain("CANARY", result.ToString(), StringComparison.Ordinal);
        Assert.False(listener.Pending(), "the validator connected to the entity's URL");
    }

    [Fact]
    public void EmbeddedSchema_IsTheOasisFile_ByteForByte_WithItsNotice()
    {
        var shipped = CapSchema.FileBytes.ToArray();

        Assert.Equal(File.ReadAllBytes(TestPaths.SharedData("cap", "CAP-v1.2.xsd")), shipped);
        // SOURCES.md records this SHA-256 for the official file.
        Assert.Equal("b7798ef25868b068c97b268bda02d067c7d4ba9373adc5638bf37105804ee723", Convert.ToHexStringLower(SHA256.HashData(shipped)));
        Assert.Contains("Copyright OASIS Open 2010 All Rights Reserved", System.Text.Encoding.UTF8.GetString(shipped), StringComparison.Ordinal);
    }

    [Fact]
    public void NotWellFormed_ReportsLineAndPosition()
    {
        var result = CapValidator.Validate("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n  <identifier>x</sender>\n</alert>");

        var error = Assert.Single(result.Issues);
        Assert.Equal(CapErrorCode.NotWellFormed, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Stream_IsReadAsUtf8()
    {
        using var stream = File.OpenRead(TestPaths.SharedData("cap", "valid", "mx-smn-tropical-storm-update-es-419.xml"));

        Assert.True(CapValidator.Validate(stream).IsValid);
    }

    private static CapValidationResult Read(string invalidFile) =>
        CapValidator.Validate(File.ReadAllText(TestPaths.SharedData("cap", "invalid", invalidFile)));
}
