using System.Text.Json;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Webhooks;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;

namespace Vigia.Alerting.Tests.Webhooks;

public sealed class WebhookPayloadTests
{
    private static readonly Timestamp T0 = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(AlertChange.Raised, "alert.raised")]
    [InlineData(AlertChange.Updated, "alert.updated")]
    [InlineData(AlertChange.Acknowledged, "alert.acknowledged")]
    [InlineData(AlertChange.Cleared, "alert.cleared")]
    public void Type_FollowsTheChange(AlertChange change, string type)
    {
        using var body = Parse(new AlertEvent(change, ZoneAlert(exercise: false)));

        Assert.Equal(type, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(["type", "timestamp", "data"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ZoneThreat_CarriesTheAlertReasonsAndWordsInBothLanguages()
    {
        var alert = ZoneAlert(exercise: false);

        using var body = Parse(new AlertEvent(AlertChange.Raised, alert));
        var data = body.RootElement.GetProperty("data");

        Assert.Equal("2026-05-01T12:00:30Z", body.RootElement.GetProperty("timestamp").GetString());
        Assert.False(data.GetProperty("exercise").GetBoolean());
        Assert.Equal("el-bejuco-20260501T120000Z", data.GetProperty("id").GetString());
        Assert.Equal(2, data.GetProperty("version").GetInt32());
        Assert.Equal("zone_threat", data.GetProperty("kind").GetString());
        Assert.Equal("alarm", data.GetProperty("level").GetString());
        Assert.Equal(["INSIDE_ZONE", "NO_REMOTE_ID"], data.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(AlertText.Headline(alert, AlertLanguage.Spanish), data.GetProperty("headline").GetProperty("es").GetString());
        Assert.Equal(AlertText.Headline(alert, AlertLanguage.English), data.GetProperty("headline").GetProperty("en").GetString());
        Assert.StartsWith("ALARMA", data.GetProperty("headline").GetProperty("es").GetString(), StringComparison.Ordinal);
        Assert.Equal(AlertText.Instruction(alert, AlertLanguage.English), data.GetProperty("instruction").GetProperty("en").GetString());
        Assert.Equal("El Bejuco", data.GetProperty("zone_name").GetString());
        Assert.Equal("village", data.GetProperty("zone_kind").GetString());
        Assert.Equal([7L, 9L], data.GetProperty("track_ids").EnumerateArray().Select(t => t.GetInt64()));
        Assert.Equal(19.08, data.GetProperty("position").GetProperty("lat").GetDouble());
        Assert.Equal(12.5, data.GetProperty("speed_mps").GetDouble());
        Assert.Equal("2026-05-01T12:05:30Z", data.GetProperty("expires_at").GetString());
        Assert.False(data.TryGetProperty("cleared_at", out _));
    }

    [Fact]
    public void Exercise_IsUnmistakable()
    {
        using var body = Parse(new AlertEvent(AlertChange.Raised, ZoneAlert(exercise: true)));
        var data = body.RootElement.GetProperty("data");

        Assert.Equal("exercise", data.EnumerateObject().First().Name);
        Assert.True(data.GetProperty("exercise").GetBoolean());
        Assert.StartsWith("EJERCICIO — ", data.GetProperty("headline").GetProperty("es").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("EXERCISE — ", data.GetProperty("headline").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Esto es un ejercicio", data.GetProperty("description").GetProperty("es").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageLost_AcknowledgedAndCleared_CarriesWhoAndWhen()
    {
        var alert = new Alert
        {
            Id = "radar-1-20260501T120000Z",
            Version = 3,
            Kind = AlertKind.CoverageLost,
            Level = AlertLevel.Advisory,
            PeakLevel = AlertLevel.Advisory,
            Reasons = [AlertReason.CoverageLost],
            SensorId = "radar-1",
            CoveredZoneIds = ["z1", "z2"],
            ConditionSince = T0,
            RaisedAt = T0,
            UpdatedAt = T0.AddSeconds(90),
            ClearedAt = T0.AddSeconds(90),
            Acknowledgement = new Acknowledgement("ops-1", T0.AddSeconds(20)),
            ExpiresAt = T0.AddSeconds(390),
            Exercise = false,
        };

        using var body = Parse(new AlertEvent(AlertChange.Cleared, alert));
        var data = body.RootElement.GetProperty("data");

        Assert.Equal("coverage_lost", data.GetProperty("kind").GetString());
        Assert.False(data.GetProperty("active").GetBoolean());
        Assert.Equal(["z1", "z2"], data.GetProperty("covered_zone_ids").EnumerateArray().Select(z => z.GetString()));
        Assert.Equal("ops-1", data.GetProperty("acknowledged_by").GetString());
        Assert.Equal("2026-05-01T12:00:20Z", data.GetProperty("acknowledged_at").GetString());
        Assert.Equal("2026-05-01T12:01:30Z", data.GetProperty("cleared_at").GetString());
        Assert.False(data.TryGetProperty("zone_id", out _));
        Assert.False(data.TryGetProperty("position", out _));
    }

    [Fact]
    public void NumbersThatAreNotFinite_AreLeftOut()
    {
        var alert = ZoneAlert(exercise: false) with { SpeedMetersPerSecond = double.NaN, SecondsToEntry = double.PositiveInfinity };

        using var body = Parse(new AlertEvent(AlertChange.Updated, alert));
        var data = body.RootElement.GetProperty("data");

        Assert.False(data.TryGetProperty("speed_mps", out _));
        Assert.False(data.TryGetProperty("seconds_to_entry", out _));
        Assert.True(data.TryGetProperty("distance_m", out _));
    }

    [Fact]
    public void MessageId_IsStablePerVersion_AndHeaderSafe()
    {
        var alert = ZoneAlert(exercise: false) with { Id = "zona \"ñ\"\r\n-20260501T120000Z" };

        var id = WebhookPayload.MessageId(alert);

        Assert.Equal(id, WebhookPayload.MessageId(alert with { Level = AlertLevel.Warning }));
        Assert.NotEqual(id, WebhookPayload.MessageId(alert with { Version = alert.Version + 1 }));
        Assert.NotEqual(id, WebhookPayload.MessageId(alert with { Id = "other" }));
        Assert.Matches("^msg_[0-9a-f]{32}$", id);
    }

    private static JsonDocument Parse(AlertEvent alertEvent) => JsonDocument.Parse(WebhookPayload.Build(alertEvent));

    private static Alert ZoneAlert(bool exercise) => new()
    {
        Id = "el-bejuco-20260501T120000Z",
        Version = 2,
        Kind = AlertKind.ZoneThreat,
        Level = AlertLevel.Alarm,
        PeakLevel = AlertLevel.Alarm,
        Reasons = [AlertReason.InsideZone, AlertReason.NoRemoteId],
        ZoneId = "el-bejuco",
        ZoneName = "El Bejuco",
        ZoneKind = ZoneKind.Village,
        TrackIds = [7, 9],
        Position = new GeoPosition(19.08, -102.81, 512.5),
        SpeedMetersPerSecond = 12.5,
        CourseDegrees = 45,
        DistanceMeters = 0,
        SecondsToEntry = 0,
        ConditionSince = T0.AddSeconds(-5),
        RaisedAt = T0,
        UpdatedAt = T0.AddSeconds(30),
        ExpiresAt = T0.AddSeconds(330),
        Exercise = exercise,
    };
}
