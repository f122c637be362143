using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Server.Threats;

namespace Vigia.Server.Outputs.Tak;

/// <summary>Registers the TAK / Cursor-on-Target outputs.</summary>
public static class TakServiceCollectionExtensions
{
    /// <summary>
    /// TAK output: <see cref="TakOptions"/> bound from <c>Vigia:Tak</c> in <paramref name="configuration"/> and
    /// validated at start (<see cref="TakOptionsValidator"/>), the <see cref="CotEventBuilder"/>, the
    /// <see cref="CotUdpSender"/>, the <see cref="CotTcpClient"/> (a hosted service), the
    /// <see cref="ICotPublisher"/>, <see cref="TakMetrics"/> (meter <c>Vigia.Tak</c>, exported), and
    /// <see cref="CotAlertOutput"/> as one more <see cref="IAlertOutput"/>. Everything is idle when neither
    /// transport is enabled.
    /// </summary>
    public static IServiceCollection AddVigiaTak(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TakOptions>()
            .Bind(configuration.GetSection(TakOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TakOptions>, TakOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TakMetrics>();
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TakOptions>>().Value;
            return new CotEventBuilder(new CotOptions
            {
                UidPrefix = o.UidPrefix,
                TrackStale = TimeSpan.FromSeconds(o.TrackStaleSeconds),
                Language = o.Language == "en" ? AlertLanguage.English : AlertLanguage.Spanish,
            });
        });
        services.TryAddSingleton<CotUdpSender>();
        services.TryAddSingleton<CotTcpClient>();
        services.AddHostedService(sp => sp.GetRequiredService<CotTcpClient>());
        services.TryAddSingleton<ICotPublisher, CotPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertOutput, CotAlertOutput>());
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(TakMetrics.MeterName));
        return services;
    }
}
