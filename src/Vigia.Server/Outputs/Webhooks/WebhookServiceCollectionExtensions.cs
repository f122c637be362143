using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Vigia.Server.Threats;
using Vigia.Storage;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>Registers webhook delivery.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks: <see cref="WebhookOptions"/> (section <c>Vigia:Webhooks</c>, validated at start), the outbox (the
    /// journal, as <see cref="IWebhookOutbox"/>), the <see cref="WebhookDispatcher"/> as a hosted service with its
    /// named HttpClient (no redirects, no cookies), metrics (meter <c>Vigia.Webhooks</c>), the API's JSON, and
    /// <see cref="WebhookJournalOutput"/> in place of <see cref="AlertJournalOutput"/> (same position, so the journal stays
    /// the first alert output): call it after the pipeline is added. Needs an <see cref="IJournal"/> registration.
    /// </summary>
    public static IServiceCollection AddVigiaWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, CrossFieldValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookOutbox>(sp => sp.GetRequiredService<IJournal>() as IWebhookOutbox
            ?? throw new InvalidOperationException("The registered IJournal does not implement IWebhookOutbox."));
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .RemoveAllLoggers();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebhookJsonContext.Default));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(WebhookMetrics.MeterName));
        UseJournalWithWebhooks(services);
        return services;
    }

    private static void UseJournalWithWebhooks(IServiceCollection services)
    {
        var replacement = ServiceDescriptor.Singleton<IAlertOutput, WebhookJournalOutput>();
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IAlertOutput) && services[i].ImplementationType == typeof(AlertJournalOutput))
            {
                services[i] = replacement;
                return;
            }

            if (services[i].ServiceType == typeof(IAlertOutput) && services[i].ImplementationType == typeof(WebhookJournalOutput))
            {
                return;
            }
        }

        services.Add(replacement);
    }

    /// <summary>The rules between fields, with a message naming them.</summary>
    private sealed class CrossFieldValidator : IValidateOptions<WebhookOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
            options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
    }
}
