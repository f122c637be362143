using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Alerting.Tests.Cap;
using Vigia.Alerting.Zones;

namespace Vigia.Alerting.Tests.Cot;

/// <summary>Coverage-lost alerts as one zone outline per covered zone, and their deletion.</summary>
public sealed partial class CotEventBuilderTests
{
    private static readonly ProtectedZone SanJose = new("san-jose", "San José de Gracia", ZoneKind.Village, AlertSamples.Polygon, new AltitudeBand(0, 120, ZoneHeightReference.AboveGround), 500);

    private static readonly ProtectedZone School = new("escuela-1", "Escuela 1", ZoneKind.School, AlertSamples.Circle, new AltitudeBand(0, 120, ZoneHeightReference.AboveGround));

    [Fact]
    public void CoverageLost_PolygonZone_IsAClosedDrawnOutline_NamingTheSensor()
    {
        var alert = AlertSamples.CoverageLost();

        Assert.True(Builder.TryCoverageLost(alert, "san-jose", SanJose, out var built, out var reason), reason);
        var e = RoundTrip(built!);

        Assert.Equal(("u-d-f", "vigia-alert-radar-norte-20260314T183015Z-zone-san-jose"), (Attr(e, "type"), Attr(e, "uid")));
        Assert.Equal(("2026-03-14T18:30:15.450Z", "2026-03-14T18:45:15.450Z"), (Attr(e, "time"), Attr(e, "stale")));
        var detail = e.Element("detail")!;
        var vertices = detail.Elements("link").Select(l => Attr(l, "point")).ToList();
        Assert.Equal(["19.08,-102.81", "19.08,-102.8", "19.09,-102.8", "19.09,-102.81", "19.08,-102.81"], vertices);
        Assert.Equal(19.085, Num(e.Element("point")!, "lat"), 9);
        Assert.Equal("SIN COBERTURA San José de Gracia", Attr(detail.Element("contact")!, "callsign"));
        var remarks = detail.Element("remarks")!.Value;
        Assert.Contains("cobertura perdida", remarks, StringComparison.Ordinal);
        Assert.Contains("radar-norte", remarks, StringComparison.Ordinal);
        var vigia = detail.Element("__vigia")!;
        Assert.Equal(("radar-norte", "san-jose", "COVERAGE_LOST"), (Attr(vigia, "sensor_id"), Attr(vigia, "zone_id"), Attr(vigia, "reasons")));
        Assert.Null(detail.Element("emergency"));
    }

    [Fact]
    public void CoverageLost_CircleZone_IsADrawnCircle_WithItsRadius()
    {
        Assert.True(Builder.TryCoverageLost(AlertSamples.CoverageLost(), "escuela-1", School, out var built, out _));
        var e = RoundTrip(built!);

        Assert.Equal("u-d-c-c", Attr(e, "type"));
        Assert.Equal((19.07, -102.85, "9999999.0"), (Num(e.Element("point")!, "lat"), Num(e.Element("point")!, "lon"), Attr(e.Element("point")!, "hae")));
        var ellipse = e.Element("detail")!.Element("shape")!.Element("ellipse")!;
        Assert.Equal((250.0, 250.0), (Num(ellipse, "major"), Num(ellipse, "minor")));
    }

    [Fact]
    public void CoverageLost_Cleared_IsADeleteOfThatOutline()
    {
        var cleared = AlertSamples.CoverageLost() with { Version = 2, UpdatedAt = AlertSamples.RaisedAt.AddSeconds(90), ClearedAt = AlertSamples.RaisedAt.AddSeconds(90) };

        Assert.True(Builder.TryCoverageLost(cleared, "san-jose", SanJose, out var built, out _));
        Assert.True(Builder.TryCoverageLost(cleared, "escuela-1", zone: null, out var withoutZone, out _));
        var e = RoundTrip(built!);

        Assert.Equal("t-x-d-d", Attr(e, "type"));
        var link = e.Element("detail")!.Element("link")!;
        Assert.Equal(Builder.CoverageUid(cleared.Id, "san-jose"), Attr(link, "uid"));
        Assert.NotNull(e.Element("detail")!.Element("__forcedelete"));
        Assert.StartsWith("FIN DE ALERTA", e.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
        Assert.Equal(Builder.CoverageUid(cleared.Id, "escuela-1"), Attr(withoutZone!.Element("detail")!.Element("link")!, "uid"));
    }

    [Fact]
    public void CoverageLost_StandingWithoutItsZone_OrAZoneThreat_IsRefusedWithAReason()
    {
        Assert.False(Builder.TryCoverageLost(AlertSamples.CoverageLost(), "borrada", zone: null, out var none, out var why));
        Assert.False(Builder.TryCoverageLost(AlertSamples.ZoneThreat(AlertLevel.Alarm), "san-jose", SanJose, out _, out var notCoverage));

        Assert.Null(none);
        Assert.Contains("borrada", why, StringComparison.Ordinal);
        Assert.Contains("coverage-lost", notCoverage, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageLost_Exercise_IsMarked()
    {
        Assert.True(Builder.TryCoverageLost(AlertSamples.CoverageLost(exercise: true), "escuela-1", School, out var e, out _));

        Assert.Equal("e-vigia", Attr(e!, "opex"));
        Assert.StartsWith("EXERCISE ", Attr(e!.Element("detail")!.Element("contact")!, "callsign"), StringComparison.Ordinal);
        Assert.Equal("true", Attr(e.Element("detail")!.Element("__vigia")!, "exercise"));
        Assert.Contains("EJERCICIO", e.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageLost_EnglishWording()
    {
        var english = new CotEventBuilder(new CotOptions { Language = AlertLanguage.English });

        Assert.True(english.TryCoverageLost(AlertSamples.CoverageLost(), "san-jose", SanJose, out var e, out _));

        Assert.Equal("NO COVERAGE San José de Gracia", Attr(e!.Element("detail")!.Element("contact")!, "callsign"));
        Assert.Contains("Sensor radar-norte stopped reporting", e.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
    }
}
