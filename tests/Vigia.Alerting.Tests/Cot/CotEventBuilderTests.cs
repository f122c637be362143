using System.Globalization;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Alerting.Tests.Cap;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Tests.Cot;

public sealed partial class CotEventBuilderTests
{
    private static readonly CotEventBuilder Builder = new(new CotOptions());

    private static CotTrack Drone(bool exercise = false, bool allowListed = false, string? aircraftType = null) => new()
    {
        TrackId = 12,
        Time = AlertSamples.RaisedAt,
        Position = new GeoPosition(19.085, -102.805, 1650.25),
        CourseDegrees = 42.5,
        SpeedMetersPerSecond = 8.4,
        HorizontalErrorMeters = 6.5,
        VerticalErrorMeters = 11,
        UasId = "1581F5FKD229400002E4",
        AircraftType = aircraftType,
        AllowListed = allowListed,
        OperatorPosition = new GeoPosition(19.081, -102.812, 1590),
        Exercise = exercise,
    };

    [Fact]
    public void Track_IsAWellFormedCot20Event_WithTheFieldsSpecified()
    {
        var e = RoundTrip(Builder.Track(Drone()));

        Assert.Equal("event", e.Name.LocalName);
        Assert.Equal(XNamespace.None, e.Name.Namespace);
        Assert.Equal("2.0", Attr(e, "version"));
        Assert.Equal("vigia-track-12", Attr(e, "uid"));
        Assert.Equal("a-u-A-M-H-Q", Attr(e, "type"));
        Assert.Equal("m-f", Attr(e, "how"));
        Assert.Equal("2026-03-14T18:30:15.450Z", Attr(e, "time"));
        Assert.Equal("2026-03-14T18:30:15.450Z", Attr(e, "start"));
        Assert.Equal("2026-03-14T18:30:20.450Z", Attr(e, "stale"));
        Assert.Null(e.Attribute("opex"));

        var point = e.Element("point")!;
        Assert.Equal((19.085, -102.805, 1650.25, 6.5, 11.0), (Num(point, "lat"), Num(point, "lon"), Num(point, "hae"), Num(point, "ce"), Num(point, "le")));

        var detail = e.Element("detail")!;
        Assert.Equal("1581F5FKD229400002E4", Attr(detail.Element("contact")!, "callsign"));
        Assert.Equal((42.5, 8.4), (Num(detail.Element("track")!, "course"), Num(detail.Element("track")!, "speed")));
        Assert.Equal("Vigía traza 12; Remote ID 1581F5FKD229400002E4", detail.Element("remarks")!.Value);
        Assert.Equal("12", Attr(detail.Element("__vigia")!, "track_id"));
        Assert.Null(detail.Element("__vigia")!.Attribute("exercise"));
        Assert.DoesNotContain("EXERCISE", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aeroplane", "a-u-A-M-F-Q")]
    [InlineData("aeroplane", "a-u-A-M-F-Q")]
    [InlineData("HelicopterOrMultirotor", "a-u-A-M-H-Q")]
    [InlineData("HybridLift", "a-u-A-M-H-Q")]
    [InlineData(null, "a-u-A-M-H-Q")]
    public void Type_IsFixedWingOnlyWhenRemoteIdSaysAeroplane(string? aircraftType, string type) =>
        Assert.Equal(type, Attr(Builder.Track(Drone(aircraftType: aircraftType)), "type"));

    [Fact]
    public void AllowListedDrones_AreNeutral_OthersUnknown()
    {
        Assert.Equal("a-n-A-M-H-Q", Attr(Builder.Track(Drone(allowListed: true)), "type"));
        Assert.Equal("a-n-A-M-F-Q", Attr(Builder.Track(Drone(allowListed: true, aircraftType: "Aeroplane")), "type"));
        Assert.Equal("a-n-G", Attr(Builder.Operator(Drone(allowListed: true))!, "type"));
        Assert.Equal("a-u-G", Attr(Builder.Operator(Drone())!, "type"));
    }

    [Fact]
    public void NoEvent_IsEverFriendOrHostile()
    {
        var events = new List<XElement>();
        foreach (var type in new[] { null, "Aeroplane", "HelicopterOrMultirotor", "Other", "Rocket" })
        {
            foreach (var allowListed in new[] { false, true })
            {
                foreach (var exercise in new[] { false, true })
                {
                    events.Add(Builder.Track(Drone(exercise, allowListed, type)));
                    events.Add(Builder.Operator(Drone(exercise, allowListed, type))!);
                }
            }
        }

        foreach (var alert in AlertSamples.FullHistory().Concat(AlertSamples.FullHistory(exercise: true)))
        {
            Assert.True(Builder.TryAlert(alert, out var e, out _));
            events.Add(e!);
        }

        foreach (var e in events)
        {
            var type = Attr(e, "type");
            Assert.DoesNotMatch("^a-[fhajks]-", type);
            foreach (var link in e.Descendants("link"))
            {
                Assert.DoesNotMatch("^a-[fhajks]-", Attr(link, "type"));
            }
        }
    }

    [Fact]
    public void UnknownErrorsAndHeight_AreTheSchemasUnknownValue()
    {
        var track = Drone() with { HorizontalErrorMeters = null, VerticalErrorMeters = 4, Position = new GeoPosition(19.1, -102.8, double.NaN) };

        var point = RoundTrip(Builder.Track(track)).Element("point")!;

        Assert.Equal(("9999999.0", "9999999.0", "9999999.0"), (Attr(point, "hae"), Attr(point, "ce"), Attr(point, "le")));
    }

    [Theory]
    [InlineData(-10.0, 350.0)]
    [InlineData(360.0, 0.0)]
    [InlineData(725.5, 5.5)]
    public void Course_IsDegreesTrueWithin0To360(double course, double written) =>
        Assert.Equal(written, Num(Builder.Track(Drone() with { CourseDegrees = course }).Element("detail")!.Element("track")!, "course"));

    [Fact]
    public void NoCourseOrSpeed_NoTrackElement() =>
        Assert.Null(Builder.Track(Drone() with { CourseDegrees = null }).Element("detail")!.Element("track"));

    [Fact]
    public void WithoutUasId_TheCallsignIsTrackN()
    {
        var e = Builder.Track(Drone() with { UasId = null });

        Assert.Equal("Track 12", Attr(e.Element("detail")!.Element("contact")!, "callsign"));
        Assert.Contains("sin Remote ID", e.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Exercise_IsMarkedInOpexDetailCallsignAndRemarks()
    {
        foreach (var e in new[] { Builder.Track(Drone(exercise: true) with { UasId = null }), Builder.Operator(Drone(exercise: true))! })
        {
            Assert.Equal("e-vigia", Attr(e, "opex"));
            var detail = e.Element("detail")!;
            Assert.Equal("true", Attr(detail.Element("__vigia")!, "exercise"));
            Assert.StartsWith("EXERCISE ", Attr(detail.Element("contact")!, "callsign"), StringComparison.Ordinal);
            Assert.StartsWith("EXERCISE — ", detail.Element("remarks")!.Value, StringComparison.Ordinal);
        }

        Assert.Equal("EXERCISE Track 12", Attr(Builder.Track(Drone(exercise: true) with { UasId = null }).Element("detail")!.Element("contact")!, "callsign"));
    }

    [Fact]
    public void Operator_IsLinkedToTheDrone_AtTheReportedPosition()
    {
        var e = RoundTrip(Builder.Operator(Drone(aircraftType: "Aeroplane"))!);

        Assert.Equal(("vigia-track-12-operator", "m-p"), (Attr(e, "uid"), Attr(e, "how")));
        Assert.Equal((19.081, -102.812, 1590.0), (Num(e.Element("point")!, "lat"), Num(e.Element("point")!, "lon"), Num(e.Element("point")!, "hae")));
        var link = e.Element("detail")!.Element("link")!;
        Assert.Equal(("vigia-track-12", "a-u-A-M-F-Q", "p-p"), (Attr(link, "uid"), Attr(link, "type"), Attr(link, "relation")));
        Assert.Equal("Piloto 1581F5FKD229400002E4", Attr(e.Element("detail")!.Element("contact")!, "callsign"));
        Assert.Equal(Attr(Builder.Track(Drone()), "stale"), Attr(e, "stale"));
    }

    [Fact]
    public void NoOperatorPosition_NoOperatorEvent() =>
        Assert.Null(Builder.Operator(Drone() with { OperatorPosition = null }));

    [Fact]
    public void Uids_AreStablePerTrack_AndCarryThePrefix()
    {
        var other = new CotEventBuilder(new CotOptions { UidPrefix = "vigia-norte", TrackStale = TimeSpan.FromSeconds(3), Language = AlertLanguage.English });

        var later = Drone() with { Time = AlertSamples.RaisedAt.AddSeconds(1), Position = new GeoPosition(19.086, -102.804, 1651) };

        Assert.Equal(Attr(Builder.Track(Drone()), "uid"), Attr(Builder.Track(later), "uid"));
        var e = other.Track(Drone());
        Assert.Equal("vigia-norte-track-12", Attr(e, "uid"));
        Assert.Equal("2026-03-14T18:30:18.450Z", Attr(e, "stale"));
        Assert.StartsWith("Vigía track 12", e.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WithASpaceInThePrefix_AreRefusedNamingTheField()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CotEventBuilder(new CotOptions { UidPrefix = "vigia norte" }));

        Assert.Contains("UidPrefix: 'vigia norte'", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Serialised and parsed back: the event is well-formed XML on its own.</summary>
    private static XElement RoundTrip(XElement e) => XElement.Parse(e.ToString(SaveOptions.DisableFormatting));

    private static string Attr(XElement e, string name) => (string?)e.Attribute(name) ?? throw new Xunit.Sdk.XunitException($"no {name} on {e.Name}");

    private static double Num(XElement e, string name) => double.Parse(Attr(e, name), CultureInfo.InvariantCulture);
}
