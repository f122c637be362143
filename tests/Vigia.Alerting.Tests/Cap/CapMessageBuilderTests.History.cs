using System.Globalization;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Alerting.Zones;

namespace Vigia.Alerting.Tests.Cap;

/// <summary>Histories (references, Cancel), areas and coverage-lost alerts.</summary>
public sealed partial class CapMessageBuilderTests
{
    [Fact]
    public void FullHistory_AlertUpdateUpdateCancel_EachReferencingEveryEarlierMessage()
    {
        var history = AlertSamples.FullHistory();

        var messages = Builder.BuildAll(history);

        Assert.Equal(["Alert", "Update", "Update", "Cancel"], messages.Select(m => m.MessageType));
        Assert.Equal(4, messages.Select(m => m.Identifier).Distinct().Count());
        for (var i = 0; i < messages.Count; i++)
        {
            AssertValid(messages[i]);
            var earlier = messages.Take(i).Select(m => m.Reference).ToList();
            var result = CapValidator.Validate(messages[i].Xml, earlier);
            Assert.True(result.Issues.Count == 0, result.ToString());

            var references = XDocument.Parse(messages[i].Xml).Root!.Element(C + "references")?.Value;
            Assert.Equal(i == 0 ? null : string.Join(' ', earlier.Select(r => r.ToString())), references);
        }

        Assert.Equal(
            "vigia@san-jose.example,vigia-san-jose-20260314T183015Z-1,2026-03-14T12:30:15-06:00 vigia@san-jose.example,vigia-san-jose-20260314T183015Z-2,2026-03-14T12:30:35-06:00",
            XDocument.Parse(messages[2].Xml).Root!.Element(C + "references")!.Value);
    }

    [Fact]
    public void Cancel_IsAllClearPastMinorObserved_WithItsOwnWords()
    {
        var messages = Builder.BuildAll(AlertSamples.FullHistory());

        var info = XDocument.Parse(messages[^1].Xml).Root!.Elements(C + "info").ToList();
        Assert.Equal(
            ["AllClear", "Past", "Minor", "Observed"],
            new[] { "responseType", "urgency", "severity", "certainty" }.Select(n => info[0].Element(C + n)!.Value));
        Assert.Equal("FIN DE ALERTA: San José de Gracia", info[0].Element(C + "headline")!.Value);
        Assert.Equal("ALL CLEAR: San José de Gracia", info[1].Element(C + "headline")!.Value);
        Assert.Contains("ALARMA", info[0].Element(C + "description")!.Value, StringComparison.Ordinal);
        // The cleared version's ExpiresAt equals its time; CAP needs expires after sent.
        Assert.True(messages[^1].Expires > messages[^1].Sent);
    }

    [Fact]
    public void Build_IgnoresTheOrderOfEarlierVersions()
    {
        var history = AlertSamples.FullHistory();

        var inOrder = Builder.Build(history[3], [history[0], history[1], history[2]]);
        var shuffled = Builder.Build(history[3], [history[2], history[0], history[1]]);

        Assert.Equal(inOrder.Xml, shuffled.Xml);
    }

    [Fact]
    public void Build_RefusesAHistoryOfAnotherAlertOrNotEarlierVersions()
    {
        var history = AlertSamples.FullHistory();

        Assert.Throws<ArgumentException>(() => Builder.Build(history[1], [history[0] with { Id = "other" }]));
        Assert.Throws<ArgumentException>(() => Builder.Build(history[1], [history[2]]));
        Assert.Throws<ArgumentException>(() => Builder.Build(history[2], [history[0], history[0]]));
    }

    [Fact]
    public void OddAlertIds_AreEscapedIntoValidIdentifiers()
    {
        var alert = AlertSamples.ZoneThreat(AlertLevel.Alarm) with { Id = "zona 1, <norte> & sur~ñ" };

        var message = Builder.Build(alert, []);

        Assert.Equal("vigia-zona~201~2C~20~3Cnorte~3E~20~26~20sur~7E~C3B1-1", message.Identifier);
        Assert.Null(CapTokens.Check(message.Identifier));
        AssertValid(message);
    }

    [Fact]
    public void ADroneWhoseBroadcastIdHoldsControlCharacters_StillGetsAValidMessage()
    {
        // A forged or broken Remote ID serial: the XML writer refuses U+0001 outright.
        var alert = AlertSamples.ZoneThreat(AlertLevel.Alarm) with { UasId = "1581F\u0001X\u001B[2J" };

        var message = Builder.Build(alert, []);

        AssertValid(message);
        Assert.Contains("1581F\uFFFDX\uFFFD[2J", message.Xml, StringComparison.Ordinal);
        var feed = CapAtomFeed.Write(new CapFeedOptions { BaseUri = new Uri("http://127.0.0.1/"), Title = "Vigía", AuthorName = "Vigía" }, [message], message.Sent);
        Assert.Equal("feed", XDocument.Parse(feed).Root!.Name.LocalName);
    }

    [Fact]
    public void Polygon_IsClosed_LatLonPairs()
    {
        var area = XDocument.Parse(Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Alarm), []).Xml).Descendants(C + "area").First();

        Assert.Equal("19.08,-102.81 19.08,-102.8 19.09,-102.8 19.09,-102.81 19.08,-102.81", area.Element(C + "polygon")!.Value);
    }

    [Fact]
    public void AlreadyClosedRing_IsNotClosedTwice()
    {
        var closed = new PolygonShape([.. AlertSamples.Polygon.Ring, AlertSamples.Polygon.Ring[0]]);

        var polygon = XDocument.Parse(Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Alarm, closed), []).Xml).Descendants(C + "polygon").First().Value;

        Assert.Equal(5, polygon.Split(' ').Length);
    }

    [Fact]
    public void Circle_IsCentreAndRadiusInKilometres()
    {
        var area = XDocument.Parse(Builder.Build(AlertSamples.ZoneThreat(AlertLevel.Alarm, AlertSamples.Circle), []).Xml).Descendants(C + "area").First();

        Assert.Equal("19.07,-102.85 0.25", area.Element(C + "circle")!.Value);
    }

    [Fact]
    public void AltitudeAndCeiling_OnlyForMeanSeaLevelBands_InFeet()
    {
        var msl = AlertSamples.ZoneThreat(AlertLevel.Alarm, band: new AltitudeBand(1500, 1800, ZoneHeightReference.MeanSeaLevel));
        var agl = AlertSamples.ZoneThreat(AlertLevel.Alarm, band: new AltitudeBand(0, 150, ZoneHeightReference.AboveGround));
        var ellipsoid = AlertSamples.ZoneThreat(AlertLevel.Alarm, band: new AltitudeBand(1400, 1900, ZoneHeightReference.Ellipsoid));

        var mslArea = XDocument.Parse(Builder.Build(msl, []).Xml).Descendants(C + "area").First();

        Assert.Equal(1500 / 0.3048, double.Parse(mslArea.Element(C + "altitude")!.Value, CultureInfo.InvariantCulture), 0.01);
        Assert.Equal(1800 / 0.3048, double.Parse(mslArea.Element(C + "ceiling")!.Value, CultureInfo.InvariantCulture), 0.01);
        AssertValid(Builder.Build(msl, []));
        foreach (var other in new[] { agl, ellipsoid })
        {
            var area = XDocument.Parse(Builder.Build(other, []).Xml).Descendants(C + "area").First();
            Assert.Null(area.Element(C + "altitude"));
            Assert.Null(area.Element(C + "ceiling"));
        }
    }

    [Fact]
    public void CoverageLost_HasNoArea_NamesTheSensorAndZones_AndValidates()
    {
        var alert = AlertSamples.CoverageLost();
        var cleared = alert with { Version = 2, UpdatedAt = alert.UpdatedAt.AddSeconds(120), ClearedAt = alert.UpdatedAt.AddSeconds(120) };

        var messages = Builder.BuildAll([alert, cleared]);

        foreach (var message in messages)
        {
            AssertValid(message);
            Assert.Empty(XDocument.Parse(message.Xml).Descendants(C + "area"));
        }

        var info = XDocument.Parse(messages[0].Xml).Root!.Element(C + "info")!;
        Assert.Equal("Pérdida de cobertura de sensor", info.Element(C + "event")!.Value);
        Assert.Equal("PRECAUCIÓN: cobertura perdida (sensor radar-norte)", info.Element(C + "headline")!.Value);
        var parameters = info.Elements(C + "parameter").ToDictionary(p => p.Element(C + "valueName")!.Value, p => p.Element(C + "value")!.Value);
        Assert.Equal("radar-norte", parameters["vigia:sensor_id"]);
        Assert.Equal("san-jose escuela-1", parameters["vigia:covered_zone_ids"]);
        Assert.Equal("COVERAGE_LOST", parameters["vigia:reasons"]);
        Assert.Equal("Cancel", messages[1].MessageType);
        Assert.Equal("FIN DE ALERTA: cobertura restablecida (sensor radar-norte)", messages[1].Headline);
        Assert.True(CapValidator.Validate(messages[1].Xml, [messages[0].Reference]).IsValid);
    }

    [Fact]
    public void Options_WithASpaceInTheSender_AreRefusedNamingTheField()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CapMessageBuilder(new CapOptions { Sender = "vigia at site", SenderName = "Vigía" }));

        Assert.Contains("Sender: 'vigia at site' must not contain spaces", ex.Message, StringComparison.Ordinal);
    }
}
