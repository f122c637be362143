using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Tests.Cap;

namespace Vigia.Alerting.Tests.Cot;

/// <summary>Alerts as geofence-breach events and their cancel.</summary>
public sealed partial class CotEventBuilderTests
{
    [Fact]
    public void StandingAlert_IsAGeofenceBreach_AtTheWorstTrack_StaleAtExpiry()
    {
        var alert = AlertSamples.ZoneThreat(AlertLevel.Alarm);

        Assert.True(Builder.TryAlert(alert, out var built, out var reason), reason);
        var e = RoundTrip(built!);

        Assert.Equal(("b-a-g", "vigia-alert-san-jose-20260314T183015Z", "m-f"), (Attr(e, "type"), Attr(e, "uid"), Attr(e, "how")));
        Assert.Equal(("2026-03-14T18:30:15.450Z", "2026-03-14T18:40:15.450Z"), (Attr(e, "time"), Attr(e, "stale")));
        Assert.Equal((19.085, -102.805, 1650.0), (Num(e.Element("point")!, "lat"), Num(e.Element("point")!, "lon"), Num(e.Element("point")!, "hae")));
        var detail = e.Element("detail")!;
        var emergency = detail.Element("emergency")!;
        Assert.Equal(("Geo-fence Breached", "ALARMA San José de Gracia"), (Attr(emergency, "type"), emergency.Value));
        Assert.Equal("ALARMA San José de Gracia", Attr(detail.Element("contact")!, "callsign"));
        Assert.Equal(["vigia-track-12", "vigia-track-15"], detail.Elements("link").Select(l => Attr(l, "uid")));
        var remarks = detail.Element("remarks")!.Value;
        Assert.StartsWith(AlertText.Headline(alert, AlertLanguage.Spanish), remarks, StringComparison.Ordinal);
        Assert.Contains("Está dentro de San José de Gracia.", remarks, StringComparison.Ordinal);
        Assert.Contains("No transmite Remote ID", remarks, StringComparison.Ordinal);
        var vigia = detail.Element("__vigia")!;
        Assert.Equal(("alarm", "INSIDE_ZONE NO_REMOTE_ID", "12 15"), (Attr(vigia, "level"), Attr(vigia, "reasons"), Attr(vigia, "track_ids")));
    }

    [Fact]
    public void EveryVersion_SharesTheUid_AndTheClearIsACancel()
    {
        var events = AlertSamples.FullHistory().Select(a =>
        {
            Assert.True(Builder.TryAlert(a, out var e, out _));
            return e!;
        }).ToList();

        Assert.Single(events.Select(e => Attr(e, "uid")).Distinct());
        Assert.Equal(["b-a-g", "b-a-g", "b-a-g", "b-a-o-can"], events.Select(e => Attr(e, "type")));
        var cancel = events[^1];
        Assert.Equal("true", Attr(cancel.Element("detail")!.Element("emergency")!, "cancel"));
        Assert.Null(cancel.Element("detail")!.Element("emergency")!.Attribute("type"));
        Assert.Equal("FIN San José de Gracia", Attr(cancel.Element("detail")!.Element("contact")!, "callsign"));
        Assert.StartsWith("FIN DE ALERTA", cancel.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
        // The cleared version expires at its own time: the cancel stays current for the minimum instead.
        Assert.Equal("2026-03-14T18:36:15.450Z", Attr(cancel, "stale"));
    }

    [Fact]
    public void ExerciseAlert_IsMarked()
    {
        Assert.True(Builder.TryAlert(AlertSamples.ZoneThreat(AlertLevel.Warning, exercise: true), out var e, out _));

        Assert.Equal("e-vigia", Attr(e!, "opex"));
        Assert.Equal("EXERCISE AVISO San José de Gracia", Attr(e!.Element("detail")!.Element("contact")!, "callsign"));
        Assert.Equal("true", Attr(e.Element("detail")!.Element("__vigia")!, "exercise"));
        Assert.StartsWith("EJERCICIO — ", e.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutATrackPosition_TheAlertSitsAtTheZoneCentre_HeightUnknown()
    {
        var circle = AlertSamples.ZoneThreat(AlertLevel.Warning, AlertSamples.Circle) with { Position = null };
        var polygon = AlertSamples.ZoneThreat(AlertLevel.Warning) with { Position = null };

        Assert.True(Builder.TryAlert(circle, out var c, out _));
        Assert.True(Builder.TryAlert(polygon, out var p, out _));

        Assert.Equal((19.07, -102.85, "9999999.0"), (Num(c!.Element("point")!, "lat"), Num(c.Element("point")!, "lon"), Attr(c.Element("point")!, "hae")));
        Assert.Equal(19.085, Num(p!.Element("point")!, "lat"), 9);
        Assert.Equal(-102.805, Num(p.Element("point")!, "lon"), 9);
    }

    [Fact]
    public void CoverageLost_IsNotAGeofenceBreach_WithAReason()
    {
        Assert.False(Builder.TryAlert(AlertSamples.CoverageLost(), out var e, out var reason));

        Assert.Null(e);
        Assert.Contains("TryCoverageLost", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OddAlertIds_GiveXmlSafeUids()
    {
        var alert = AlertSamples.ZoneThreat(AlertLevel.Alarm) with { Id = "zona \"1\" <&>" };

        Assert.True(Builder.TryAlert(alert, out var e, out _));

        Assert.Equal("vigia-alert-zona~20~221~22~20~3C~26~3E", Attr(RoundTrip(e!), "uid"));
        Assert.Equal(alert.Id, Attr(XElement.Parse(e!.ToString()).Element("detail")!.Element("__vigia")!, "alert_id"));
    }
}
