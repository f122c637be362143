using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Webhooks;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Server.Outputs.Webhooks;
using Vigia.Storage;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// Webhook delivery as <see cref="WebhookServiceCollectionExtensions.AddVigiaWebhooks"/> wires it, over a real SQLite
/// journal in a given folder, with fast test settings (overridable). The hosted loop runs only after
/// <see cref="StartLoopAsync"/>; otherwise a test drives rounds with <see cref="WebhookDispatcher.DispatchDueAsync"/>.
/// </summary>
internal sealed class WebhookHarness(IJournal journal, ServiceProvider provider) : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string?> FastSettings = new Dictionary<string, string?>
    {
        ["Vigia:Webhooks:PollIntervalSeconds"] = "0.05",
        ["Vigia:Webhooks:RequestTimeoutSeconds"] = "5",
        ["Vigia:Webhooks:FirstRetrySeconds"] = "1",
        ["Vigia:Webhooks:MaxRetrySeconds"] = "60",
        ["Vigia:Webhooks:JitterFraction"] = "0",
        ["Vigia:Webhooks:LeaseSeconds"] = "10",
        ["Vigia:Webhooks:HistoryRetentionDays"] = "0",
    };

    private bool _loopStarted;

    public IJournal Journal => journal;

    public IServiceProvider Services => provider;

    public IWebhookOutbox Outbox => provider.GetRequiredService<IWebhookOutbox>();

    public WebhookDispatcher Dispatcher => provider.GetRequiredService<WebhookDispatcher>();

    public static async Task<WebhookHarness> StartAsync(string dataDirectory, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var journal = await Storage.Journal.OpenAsync(new JournalOptions { DataDirectory = dataDirectory }, TestContext.Current.CancellationToken);
        var merged = new Dictionary<string, string?>(FastSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(merged).Build());
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(journal);
        services.AddSingleton(clock);
        services.AddVigiaWebhooks();
        return new WebhookHarness(journal, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public async Task StartLoopAsync()
    {
        _loopStarted = true;
        await Dispatcher.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Adds an endpoint with the receiver's secret.</summary>
    public async Task AddEndpointAsync(string id, string url, WebhookSecret secret, AlertLevel minLevel = AlertLevel.Advisory) =>
        Assert.True(await Outbox.AddWebhookEndpointAsync(
            new WebhookEndpoint { Id = id, Url = url, MinLevel = (int)minLevel, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) },
            secret.Encode(),
            TestContext.Current.CancellationToken));

    /// <summary>Enqueues one alert change as the alert loop's output would.</summary>
    public async Task<WebhookMessage> EnqueueAsync(AlertEvent alertEvent, Timestamp now)
    {
        var message = WebhookMessages.From(alertEvent, now);
        await Outbox.EnqueueWebhookAsync(message, TestContext.Current.CancellationToken);
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        if (_loopStarted)
        {
            await Dispatcher.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
        await journal.DisposeAsync();
    }

    /// <summary>A zone alert version raised at <paramref name="at"/>, expiring <paramref name="lifetimeSeconds"/> later.</summary>
    public static AlertEvent Alarm(Timestamp at, double lifetimeSeconds, int version = 1, bool exercise = true, string zone = "el-bejuco") =>
        new(version == 1 ? AlertChange.Raised : AlertChange.Updated, new Alert
        {
            Id = $"{zone}-20260501T120000Z",
            Version = version,
            Kind = AlertKind.ZoneThreat,
            Level = AlertLevel.Alarm,
            PeakLevel = AlertLevel.Alarm,
            Reasons = [AlertReason.InsideZone, AlertReason.NoRemoteId],
            ZoneId = zone,
            ZoneName = "El Bejuco",
            ZoneKind = ZoneKind.Village,
            TrackIds = [12],
            Position = new GeoPosition(19.08, -102.81, 512),
            SpeedMetersPerSecond = 9,
            ConditionSince = at,
            RaisedAt = at,
            UpdatedAt = at,
            ExpiresAt = at.AddSeconds(lifetimeSeconds),
            Exercise = exercise,
        });
}
