using Vigia.Alerting.Cap;

namespace Vigia.Alerting.Tests.Cap;

/// <summary>The specification's rules beyond the schema, one broken at a time on an otherwise valid message.</summary>
public sealed partial class CapValidatorTests
{
    private const string Template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>ID-2</identifier>
          <sender>vigia@test</sender>
          <sent>2026-03-14T12:30:15-06:00</sent>
          <status>Exercise</status>
          <msgType>Update</msgType>
          <scope>Public</scope>
          <references>vigia@test,ID-1,2026-03-14T12:29:00-06:00</references>
          <info>
            <category>Security</category>
            <event>Drone</event>
            <urgency>Immediate</urgency>
            <severity>Severe</severity>
            <certainty>Observed</certainty>
            <expires>2026-03-14T12:40:15-06:00</expires>
            <headline>Drone over the zone</headline>
            <area>
              <areaDesc>Zone</areaDesc>
              <polygon>19.08,-102.81 19.08,-102.80 19.09,-102.80 19.08,-102.81</polygon>
              <circle>19.07,-102.85 0.25</circle>
              <altitude>100</altitude>
              <ceiling>500</ceiling>
            </area>
          </info>
        </alert>
        """;

    [Fact]
    public void Template_IsValid()
    {
        Assert.Empty(SharedCapSchema.Errors(Template));
        var result = CapValidator.Validate(Template);
        Assert.True(result.Issues.Count == 0, result.ToString());
    }

    [Theory]
    [InlineData("<identifier>ID-2</identifier>", "<identifier>ID 2</identifier>", "/alert/identifier[1]", "must not contain spaces")]
    [InlineData("<identifier>ID-2</identifier>", "<identifier>ID,2</identifier>", "/alert/identifier[1]", "must not contain commas")]
    [InlineData("<sender>vigia@test</sender>", "<sender>vigia&amp;test</sender>", "/alert/sender[1]", "restricted character '&'")]
    [InlineData("<sender>vigia@test</sender>", "<sender>vigia&lt;test</sender>", "/alert/sender[1]", "restricted character '<'")]
    public void IdentifierAndSender_RefuseSpacesCommasAndRestrictedCharacters(string old, string replacement, string path, string reason) =>
        AssertSingleError(With(old, replacement), CapErrorCode.RestrictedCharacters, path, reason);

    [Theory]
    [InlineData("Update")]
    [InlineData("Cancel")]
    [InlineData("Ack")]
    [InlineData("Error")]
    public void MessagesAboutEarlierOnes_NeedReferences(string messageType)
    {
        var xml = With("<msgType>Update</msgType>", $"<msgType>{messageType}</msgType>")
            .Replace("  <references>vigia@test,ID-1,2026-03-14T12:29:00-06:00</references>\n", string.Empty, StringComparison.Ordinal);

        AssertSingleError(xml, CapErrorCode.ReferencesMissing, "/alert/msgType[1]", $"a {messageType} must name");
    }

    [Fact]
    public void AnAlert_NeedsNoReferences()
    {
        var xml = With("<msgType>Update</msgType>", "<msgType>Alert</msgType>")
            .Replace("  <references>vigia@test,ID-1,2026-03-14T12:29:00-06:00</references>\n", string.Empty, StringComparison.Ordinal);

        Assert.True(CapValidator.Validate(xml).IsValid);
    }

    [Theory]
    [InlineData("vigia@test,ID-1", "2 comma-separated parts")]
    [InlineData("vigia@test,ID-1,2026-03-14T12:29:00Z", "is not a CAP date-time")]
    [InlineData("vigia@test,ID-1,2026-02-30T12:29:00-06:00", "is not a CAP date-time")]
    [InlineData("vigia@test,,2026-03-14T12:29:00-06:00", "identifier must not be empty")]
    [InlineData("a,b,c,d", "4 comma-separated parts")]
    public void EachReference_IsSenderIdentifierSentWithAValidDate(string reference, string reason) =>
        AssertSingleError(With("vigia@test,ID-1,2026-03-14T12:29:00-06:00", reference), CapErrorCode.ReferenceMalformed, "/alert/references[1]", reason);

    [Fact]
    public void AMessage_MustNotReferenceItself() =>
        AssertSingleError(
            With("vigia@test,ID-1,2026-03-14T12:29:00-06:00", "vigia@test,ID-1,2026-03-14T12:29:00-06:00 vigia@test,ID-2,2026-03-14T12:30:15-06:00"),
            CapErrorCode.SelfReference,
            "/alert/references[1]",
            "is this message itself");

    [Fact]
    public void AReferenceDatedAfterSent_IsAWarningOnly()
    {
        var result = CapValidator.Validate(With("2026-03-14T12:29:00-06:00</references>", "2026-03-14T12:31:00-06:00</references>"));

        Assert.True(result.IsValid);
        Assert.Equal(CapErrorCode.ReferenceAfterSent, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void PlusZeroAndMinusZero_AreBothAcceptedForUtc()
    {
        Assert.True(CapValidator.Validate(With("12:30:15-06:00</sent>", "18:30:15+00:00</sent>")).IsValid);
        Assert.True(CapValidator.Validate(With("12:30:15-06:00</sent>", "18:30:15-00:00</sent>")).IsValid);
    }

    [Fact]
    public void ExpiresNotAfterSent_IsAnError() =>
        AssertSingleError(With("<expires>2026-03-14T12:40:15-06:00</expires>", "<expires>2026-03-14T18:30:15+00:00</expires>"), CapErrorCode.ExpiresNotAfterSent, "/alert/info[1]/expires[1]", "is not after sent");

    [Fact]
    public void Restriction_OnlyWithScopeRestricted() =>
        AssertSingleError(With("<scope>Public</scope>", "<scope>Public</scope>\n  <restriction>staff only</restriction>"), CapErrorCode.Restriction, "/alert/restriction[1]", "scope Restricted only");

    [Fact]
    public void ScopePrivate_NeedsAddresses() =>
        AssertSingleError(With("<scope>Public</scope>", "<scope>Private</scope>"), CapErrorCode.AddressesMissing, "/alert/scope[1]", "needs addresses");

    [Theory]
    [InlineData("19.08,-102.81 19.08,-102.80 19.08,-102.81", CapErrorCode.PolygonTooFewPoints, "at least 4 points")]
    [InlineData("19.08,-102.81 19.08,-102.80 19.09,-102.80 19.09,-102.81", CapErrorCode.PolygonNotClosed, "is not the last")]
    [InlineData("19.08,-102.81 19.09,-102.80 19.08,-102.80 19.09,-102.81 19.08,-102.81", CapErrorCode.PolygonSelfIntersecting, "edge 1 crosses edge 3")]
    [InlineData("19.08,-102.81 19.08,-102.80 19.08,-102.79 19.08,-102.80 19.08,-102.81", CapErrorCode.PolygonSelfIntersecting, "crosses")]
    [InlineData("19.08,-102.81 91,-102.80 19.09,-102.80 19.08,-102.81", CapErrorCode.BadCoordinate, "point 2: '91,-102.80' is outside WGS 84 ranges")]
    [InlineData("19.08;-102.81 19.08,-102.80 19.09,-102.80 19.08;-102.81", CapErrorCode.BadCoordinate, "point 1: '19.08;-102.81' is not lat,lon")]
    public void Polygon_FourOrMorePoints_Closed_Simple_InRange(string polygon, CapErrorCode code, string reason) =>
        AssertSingleError(With("19.08,-102.81 19.08,-102.80 19.09,-102.80 19.08,-102.81", polygon), code, "/alert/info[1]/area[1]/polygon[1]", reason);

    [Theory]
    [InlineData("19.07,-102.85 -0.25", CapErrorCode.CircleMalformed, "is negative")]
    [InlineData("19.07,-102.85", CapErrorCode.CircleMalformed, "is not 'lat,lon radius'")]
    [InlineData("19.07,-102.85 far", CapErrorCode.CircleMalformed, "is not a number of kilometres")]
    [InlineData("19.07,-200 1", CapErrorCode.BadCoordinate, "circle centre")]
    public void Circle_IsLatLonAndANonNegativeRadius(string circle, CapErrorCode code, string reason) =>
        AssertSingleError(With("19.07,-102.85 0.25", circle), code, "/alert/info[1]/area[1]/circle[1]", reason);

    [Fact]
    public void CircleOfRadiusZero_IsAllowed() =>
        Assert.True(CapValidator.Validate(With("19.07,-102.85 0.25", "19.07,-102.85 0")).IsValid);

    [Fact]
    public void Ceiling_NeedsAltitudeBelowIt()
    {
        AssertSingleError(With("      <altitude>100</altitude>\n", string.Empty), CapErrorCode.Ceiling, "/alert/info[1]/area[1]/ceiling[1]", "only allowed together with altitude");
        AssertSingleError(With("<ceiling>500</ceiling>", "<ceiling>100</ceiling>"), CapErrorCode.Ceiling, "/alert/info[1]/area[1]/ceiling[1]", "is not above altitude 100");
    }

    [Fact]
    public void Web_MustBeAbsolute() =>
        AssertSingleError(With("<headline>Drone over the zone</headline>", "<headline>Drone over the zone</headline>\n      <web>/alerts/1</web>"), CapErrorCode.Uri, "/alert/info[1]/web[1]", "is not an absolute URI");

    [Fact]
    public void HtmlInFreeText_IsAWarning()
    {
        var result = CapValidator.Validate(With("<headline>Drone over the zone</headline>", "<headline>Drone &lt;b&gt;over&lt;/b&gt; the zone</headline>"));

        Assert.True(result.IsValid);
        Assert.Equal(CapErrorCode.HtmlInText, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void SchemaErrors_NameTheElement()
    {
        var result = CapValidator.Validate(With("<urgency>Immediate</urgency>", "<urgency>Now</urgency>"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((CapErrorCode.Schema, "/alert/info[1]/urgency[1]", 13), (error.Code, error.Path, error.Line));
    }

    private static string With(string old, string replacement)
    {
        Assert.Contains(old, Template, StringComparison.Ordinal);
        return Template.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static void AssertSingleError(string xml, CapErrorCode code, string path, string reason)
    {
        var result = CapValidator.Validate(xml);
        var error = Assert.Single(result.Issues);
        Assert.Equal((code, CapIssueSeverity.Error, path), (error.Code, error.Severity, error.Path));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line > 0, "no line");
        Assert.False(result.IsValid);
    }
}
