using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Alerting.Alerts;
using Vigia.Core.Time;
using Vigia.Server.Tests.Support;
using Vigia.Server.Threats;
using Vigia.Storage;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Tests.Threats;

/// <summary>A public CAP feed (<c>Vigia:Cap:Public</c>): what anonymous readers see, where its links point, and how hard they may poll.</summary>
public sealed class CapPublicTests
{
    private const string BaseUrl = "https://alertas.example/vigia/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static VigiaServerFactory Start(string? baseUrl = BaseUrl, string burst = "100") => new(settings: new Dictionary<string, string?>
    {
        ["Vigia:Cap:Public"] = "true",
        ["Vigia:Cap:BaseUrl"] = baseUrl,
        ["Vigia:Cap:RequestsPerSecondPerClient"] = "1",
        ["Vigia:Cap:RequestBurstPerClient"] = burst,
    });

    private static Alert Raised(string id, AlertKind kind)
    {
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        return new Alert
        {
            Id = id,
            Version = 1,
            Kind = kind,
            Level = AlertLevel.Alarm,
            PeakLevel = AlertLevel.Alarm,
            Reasons = kind == AlertKind.CoverageLost ? [] : [AlertReason.InsideZone, AlertReason.NoRemoteId],
            ZoneId = kind == AlertKind.CoverageLost ? null : "la-romera",
            ZoneName = kind == AlertKind.CoverageLost ? null : "la-romera",
            SensorId = kind == AlertKind.CoverageLost ? "rid-bejuco" : null,
            CoveredZoneIds = kind == AlertKind.CoverageLost ? ["la-romera"] : [],
            TrackIds = kind == AlertKind.CoverageLost ? [] : [7],
            ConditionSince = now,
            RaisedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddSeconds(600),
            Exercise = false,
        };
    }

    private static async Task JournalAsync(VigiaServerFactory app, params Alert[] alerts) =>
        await app.Services.GetRequiredService<IAlertStore>().AppendAlertEventsAsync([.. alerts.Select(a => AlertJournalOutput.ToRecord(new AlertEvent(AlertChange.Raised, a)))], Ct);

    [Fact]
    public async Task AnonymousReaders_GetZoneThreatsOnly_WhileAViewerKeySeesCoverageLostToo()
    {
        await using var app = Start();
        using var anonymous = app.ClientWith(null);
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        await JournalAsync(app, Raised("la-romera-1", AlertKind.ZoneThreat), Raised("coverage-rid-bejuco-1", AlertKind.CoverageLost));

        using var hosted = new HttpRequestMessage(HttpMethod.Get, "/cap/feed.atom");
        hosted.Headers.Host = "evil.example";
        using var hostedResponse = await anonymous.SendAsync(hosted, Ct);
        var publicFeed = await hostedResponse.Content.ReadAsStringAsync(Ct);
        var keyedFeed = await viewer.GetStringAsync("/cap/feed.atom", Ct);
        using var publicThreat = await anonymous.GetAsync("/cap/vigia-la-romera-1-1.xml", Ct);
        using var publicCoverage = await anonymous.GetAsync("/cap/vigia-coverage-rid-bejuco-1-1.xml", Ct);
        using var keyedCoverage = await viewer.GetAsync("/cap/vigia-coverage-rid-bejuco-1-1.xml", Ct);
        var publicAgain = await anonymous.GetStringAsync("/cap/feed.atom", Ct);

        Assert.Contains(BaseUrl + "cap/vigia-la-romera-1-1.xml", publicFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", publicFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("coverage", publicFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("rid-bejuco", publicFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("rid-bejuco", publicAgain, StringComparison.Ordinal);
        Assert.Contains("vigia-coverage-rid-bejuco-1-1.xml", keyedFeed, StringComparison.Ordinal);
        Assert.Contains("vigia-la-romera-1-1.xml", keyedFeed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, publicThreat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publicCoverage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyedCoverage.StatusCode);
    }

    [Fact]
    public async Task APublicFeedWithoutBaseUrl_RefusesToStart_NamingTheSetting()
    {
        await using var app = Start(baseUrl: null);

        // What `vigia serve` checks before it starts (a bad setting exits 2 with this message).
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CapServerOptions>>().Value);

        Assert.Equal("Vigia:Cap:BaseUrl is required when Vigia:Cap:Public is true (the public feed's links must not come from a request's Host header)", error.Message);
    }

    [Fact]
    public async Task AnonymousPollingBeyondTheBurst_Gets429_WhileAKeyIsNotLimited()
    {
        await using var app = Start(burst: "5");
        using var anonymous = app.ClientWith(null);
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));

        var anonymousStatuses = new List<HttpStatusCode>();
        var keyedStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var a = await anonymous.GetAsync("/cap/feed.atom", Ct);
            anonymousStatuses.Add(a.StatusCode);
            using var k = await viewer.GetAsync("/cap/feed.atom", Ct);
            keyedStatuses.Add(k.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, anonymousStatuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, anonymousStatuses);
        Assert.All(keyedStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
