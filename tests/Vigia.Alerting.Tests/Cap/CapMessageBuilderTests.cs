using System.Text;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;

namespace Vigia.Alerting.Tests.Cap;

public sealed partial class CapMessageBuilderTests
{
    private static readonly XNamespace C = CapSpec.Namespace;

    private static readonly CapMessageBuilder Builder = new(new CapOptions
    {
        Sender = "vigia@san-jose.example",
        SenderName = "Vigía — San José de Gracia",
        TimeZone = AlertSamples.Mexico,
    });

    public static TheoryData<AlertLevel, bool, string> LevelsExerciseShapes()
    {
        var data = new TheoryData<AlertLevel, bool, string>();
        foreach (var level in new[] { AlertLevel.Advisory, AlertLevel.Warning, AlertLevel.Alarm })
        {
            foreach (var exercise in new[] { false, true })
            {
                foreach (var shape in new[] { "polygon", "circle" })
                {
                    data.Add(level, exercise, shape);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LevelsExerciseShapes))]
    public void EveryLevel_ExerciseOrActual_PolygonOrCircle_PassesTheSharedSchemaAndTheRules(AlertLevel level, bool exercise, string shape)
    {
        var alert = AlertSamples.ZoneThreat(level, shape == "circle" ? AlertSamples.Circle : AlertSamples.Polygon, exercise);

        var message = Builder.Build(alert, []);

        AssertValid(message);
        var doc = XDocument.Parse(message.Xml);
        Assert.Equal(exercise ? "Exercise" : "Actual", doc.Root!.Element(C + "status")!.Value);
        Assert.Equal("Alert", doc.Root.Element(C + "msgType")!.Value);
        Assert.Equal("Public", doc.Root.Element(C + "scope")!.Value);
        Assert.Null(doc.Root.Element(C + "references"));
        Assert.Equal(shape, doc.Descendants(C + "area").First().Elements().ElementAt(1).Name.LocalName);
    }

    [Fact]
    public void Header_IdentifierSenderSent_FollowTheCapForms()
    {
        var message = Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Alarm), []);
        var root = XDocument.Parse(message.Xml).Root!;

        Assert.Equal(C + "alert", root.Name);
        Assert.Equal("vigia-san-jose-20260314T183015Z-1", root.Element(C + "identifier")!.Value);
        Assert.Equal("vigia@san-jose.example", root.Element(C + "sender")!.Value);
        // 18:30:15.450 UTC → 12:30:15 at −06:00, the fraction dropped.
        Assert.Equal("2026-03-14T12:30:15-06:00", root.Element(C + "sent")!.Value);
        Assert.Equal("san-jose-20260314T183015Z", root.Element(C + "incidents")!.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 18, 30, 15, TimeSpan.Zero), message.Sent);
        Assert.Equal(["identifier", "sender", "sent", "status", "msgType", "scope", "incidents", "info", "info"], root.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Utc_IsWrittenMinusZero_AsCap12Section332Requires()
    {
        var utc = new CapMessageBuilder(new CapOptions { Sender = "vigia@x", SenderName = "Vigía" });

        var message = utc.Build(AlertSamples.ZoneThreat(AlertLevel.Warning), []);

        Assert.Equal("2026-03-14T18:30:15-00:00", XDocument.Parse(message.Xml).Root!.Element(C + "sent")!.Value);
        AssertValid(message);
    }

    [Fact]
    public void Exercise_IsNeverActual_AndCarriesANote()
    {
        foreach (var alert in AlertSamples.FullHistory(exercise: true).Append(AlertSamples.CoverageLost(exercise: true)))
        {
            var message = Builder.Build(alert, []);
            var root = XDocument.Parse(message.Xml).Root!;
            Assert.Equal("Exercise", root.Element(C + "status")!.Value);
            Assert.Equal("Exercise", message.Status);
            Assert.Contains("EXERCISE", root.Element(C + "note")!.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("Actual", message.Xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TwoInfoBlocks_SpanishFirst_WithTheAlertTextWordsAndAccentsKept()
    {
        var alert = AlertSamples.ZoneThreat(AlertLevel.Warning);

        var message = Builder.Build(alert, []);

        var infos = XDocument.Parse(message.Xml).Root!.Elements(C + "info").ToList();
        Assert.Equal(["es-MX", "en-US"], infos.Select(i => i.Element(C + "language")!.Value));
        Assert.Equal(AlertText.Headline(alert, AlertLanguage.Spanish), infos[0].Element(C + "headline")!.Value);
        Assert.Equal("AVISO: 2 drones acercándose a San José de Gracia", infos[0].Element(C + "headline")!.Value);
        Assert.Equal(AlertText.Description(alert, AlertLanguage.English), infos[1].Element(C + "description")!.Value);
        Assert.Equal(AlertText.Instruction(alert, AlertLanguage.Spanish), infos[0].Element(C + "instruction")!.Value);
        Assert.Equal("San José de Gracia", infos[0].Element(C + "area")!.Element(C + "areaDesc")!.Value);
        Assert.All(infos, i => Assert.Equal("Security", i.Element(C + "category")!.Value));
        Assert.All(infos, i => Assert.Equal("Vigía — San José de Gracia", i.Element(C + "senderName")!.Value));
        // UTF-8 on the wire, without a byte order mark: "é" is C3 A9, and no &#...; escapes.
        var bytes = message.ToUtf8Bytes();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("José", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("&#", message.Xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AlertLevel.Alarm, "Shelter", "Immediate", "Severe", "Observed")]
    [InlineData(AlertLevel.Warning, "Prepare", "Expected", "Moderate", "Likely")]
    [InlineData(AlertLevel.Advisory, "Monitor", "Future", "Minor", "Possible")]
    public void Level_MapsToResponseUrgencySeverityCertainty(AlertLevel level, string response, string urgency, string severity, string certainty)
    {
        var info = XDocument.Parse(Builder.Build(AlertSamples.ZoneThreat(level), []).Xml).Root!.Elements(C + "info").First();

        Assert.Equal(
            [response, urgency, severity, certainty],
            new[] { "responseType", "urgency", "severity", "certainty" }.Select(n => info.Element(C + n)!.Value));
    }

    [Fact]
    public void Parameters_CarryReasonCodesAndTrackIds()
    {
        var info = XDocument.Parse(Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Alarm), []).Xml).Root!.Element(C + "info")!;

        var parameters = info.Elements(C + "parameter").ToDictionary(p => p.Element(C + "valueName")!.Value, p => p.Element(C + "value")!.Value);
        Assert.Equal("INSIDE_ZONE NO_REMOTE_ID", parameters["vigia:reasons"]);
        Assert.Equal("12 15", parameters["vigia:track_ids"]);
        Assert.Equal("alarm", parameters["vigia:level"]);
        Assert.Equal("san-jose", parameters["vigia:zone_id"]);
        Assert.False(parameters.ContainsKey("vigia:uas_id"));
    }

    [Fact]
    public void Expires_ComesFromTheAlert_RoundedUpToTheSecond()
    {
        var alert = AlertSamples.ZoneThreat(AlertLevel.Alarm) with { ExpiresAt = AlertSamples.RaisedAt.AddSeconds(600.2) };

        var message = Builder.Build(alert, []);

        // 18:30:15.45 + 600.2 s = 18:40:15.65 → 18:40:16 UTC → 12:40:16 −06:00.
        Assert.All(XDocument.Parse(message.Xml).Descendants(C + "expires"), e => Assert.Equal("2026-03-14T12:40:16-06:00", e.Value));
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 18, 40, 16, TimeSpan.Zero), message.Expires);
    }

    [Fact]
    public void Expires_NotAfterSent_IsMovedToSentPlusTheMinimumLifetime()
    {
        var alert = AlertSamples.ZoneThreat(AlertLevel.Alarm) with { ExpiresAt = AlertSamples.RaisedAt };

        var message = Builder.Build(alert, []);

        Assert.Equal(message.Sent.AddMinutes(1), message.Expires);
        AssertValid(message);
    }

    internal static void AssertValid(CapMessage message)
    {
        Assert.Empty(SharedCapSchema.Errors(message.Xml));
        var result = CapValidator.Validate(message.Xml);
        Assert.True(result.Issues.Count == 0, result.ToString());
    }
}
