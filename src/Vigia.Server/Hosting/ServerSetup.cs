using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Vigia.Server.Ingest;
using Vigia.Server.Json;
using Vigia.Server.Outputs.Tak;
using Vigia.Server.Outputs.Webhooks;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Server.Hosting;

/// <summary>The <c>Add…</c> and <c>Use…</c> steps Program.cs lists, one per concern.</summary>
public static class ServerSetup
{
    /// <summary>Largest request body on every route but observation ingest (which takes Vigia:MaxRequestBodyBytes), bytes.</summary>
    public const long DefaultMaxRequestBodyBytes = 4L * 1024 * 1024;

    /// <summary>Options (section <c>Vigia</c>, plus the JSON file named by <c>--config</c>), validated at start; the bind address.</summary>
    public static WebApplicationBuilder AddVigiaConfiguration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration["Vigia:ConfigFile"] is { Length: > 0 } file)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"--config: no such file: {file}", file);
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        // One console line per request is noise for a field laptop and costs at 100 requests/s: ASP.NET Core
        // logs warnings and errors only unless the configuration says otherwise (Logging:LogLevel:...).
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Services.AddOptions<VigiaServerOptions>()
            .BindConfiguration(VigiaServerOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Origin) || TryOrigin(o), "Vigia:Origin must be lat,lon,h")
            .Validate(o => IPAddress.TryParse(o.UdpBindAddress, out _), "Vigia:UdpBindAddress must be an IP address")
            .Validate(o => o.AdsbSources.All(a => a.Sensor.Length > 0 && a.Host.Length > 0 && a.Port is > 0 and < 65536 && a.Format is "beast" or "avr"),
                "Vigia:AdsbSources: each needs Sensor, Host, Port (1-65535) and Format beast or avr")
            .Validate(o => o.Sapient.Port is >= 0 and < 65536 && IPAddress.TryParse(o.Sapient.BindAddress, out _) && Guid.TryParse(o.Sapient.FusionNodeId, out _) && o.Sapient.MaxNodes >= 1 && o.Sapient.AllowedNodeIds.All(id => Guid.TryParse(id, out _)),
                "Vigia:Sapient: Port must be 0-65535, BindAddress an IP address, FusionNodeId a UUID, MaxNodes at least 1, AllowedNodeIds UUIDs")
            .Validate(o => (o.Radar.Listen.Length == 0 && o.Radar.Pcap.Length == 0) || ((o.Radar.Listen.Length == 0 || IPEndPoint.TryParse(o.Radar.Listen, out _)) && (o.Radar.MulticastGroup.Length == 0 || IPAddress.TryParse(o.Radar.MulticastGroup, out _)) && o.Radar.PcapPorts.All(p => p is > 0 and < 65536) && (o.Radar.Sites.Count + o.Radar.TrackSources.Count) > 0 && o.Radar.Sites.All(r => r.Sensor.Length > 0) && o.Radar.TrackSources.All(r => r.Sensor.Length > 0)),
                "Vigia:Radar: Listen must be address:port, MulticastGroup an IP address, PcapPorts UDP ports, and at least one site or track source, each with its Sensor")
            .Validate(o => o.SensorDownAfterSeconds > o.SensorDegradedAfterSeconds, "Vigia:SensorDownAfterSeconds must exceed SensorDegradedAfterSeconds")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VigiaServerOptions>, SensorInputSettings>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // The API's documents are snake_case, nulls left out, exactly as the stream's (ServerJsonContext).
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        });
        builder.Services.AddProblemDetails();

        var lan = builder.Configuration.GetValue<bool>("Vigia:Lan");
        if (lan)
        {
            var dataDirectory = builder.Configuration["Vigia:DataDirectory"] ?? new VigiaServerOptions().DataDirectory;
            var certificate = LanCertificate.LoadOrCreate(dataDirectory);
            var fingerprint = LanCertificate.Fingerprint(certificate);
            builder.Services.AddSingleton(new LanCertificateInfo(fingerprint));

            // Said before anything listens, so whoever reads the console has it before a phone connects.
            Console.Error.WriteLine($"vigia serve: LAN certificate SHA-256 fingerprint {fingerprint}");
            var httpsPort = builder.Configuration.GetValue("Vigia:LanHttpsPort", 8443);
            var loopbackPort = builder.Configuration.GetValue("Vigia:LanLoopbackHttpPort", 8080);
            builder.WebHost.ConfigureKestrel(k =>
            {
                // The LAN (HTTPS) port is bound first, the loopback port (where local tools check readiness) second.
                k.Listen(IPAddress.IPv6Any, httpsPort, l => l.UseHttps(certificate));
                k.Listen(IPAddress.Loopback, loopbackPort);
            });
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        }

        // Small by default (zones, keys, settings are small JSON); the observation ingest route raises its own
        // request's limit to Vigia:MaxRequestBodyBytes.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DefaultMaxRequestBodyBytes);
        return builder;

        static bool TryOrigin(VigiaServerOptions o)
        {
            try
            {
                _ = o.ParseOrigin();
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }

    /// <summary>The journal (opened at first use; <see cref="JournalStartup"/> opens it at start so a bad database fails the start) and the group committer.</summary>
    public static WebApplicationBuilder AddVigiaStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IJournal>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VigiaServerOptions>>().Value;
            return Journal.OpenAsync(new JournalOptions { DataDirectory = o.DataDirectory, ConnectionString = o.ConnectionString }, CancellationToken.None).GetAwaiter().GetResult();
        });
        builder.Services.AddSingleton(sp => new ObservationCommitter(sp.GetRequiredService<IJournal>(), new ObservationCommitterOptions()));
        builder.Services.AddHostedService<JournalStartup>();
        return builder;
    }

    /// <summary>Bearer authentication (sensor tokens and operator keys), role policies, per-client rate limits.</summary>
    public static WebApplicationBuilder AddVigiaSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(VigiaClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(VigiaClaims.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(VigiaClaims.IngestPolicy, p => p.RequireRole(VigiaClaims.SensorRole, "admin"))
            .AddPolicy(VigiaClaims.ViewerPolicy, p => p.RequireRole("viewer"))
            .AddPolicy(VigiaClaims.OperatorPolicy, p => p.RequireRole("operator"))
            .AddPolicy(VigiaClaims.AdminPolicy, p => p.RequireRole("admin"));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.IngestPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<VigiaServerOptions>>().Value;
                var client = context.User.FindFirstValue(ClaimTypes.Name) ?? context.Connection.RemoteIpAddress?.ToString() ?? "?";
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RequestBurstPerClient,
                    TokensPerPeriod = limits.RequestsPerSecondPerClient,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.AddPolicy(RateLimits.CapPolicy, context =>
            {
                // Keyed readers are trusted; anonymous readers of a public feed are limited per address.
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("key");
                }

                var cap = context.RequestServices.GetRequiredService<IOptions<Threats.CapServerOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = cap.RequestBurstPerClient,
                    TokensPerPeriod = cap.RequestsPerSecondPerClient,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(
                    detail: context.HttpContext.Request.Path.StartsWithSegments("/cap")
                        ? "too many requests from this client; poll the feed less often and retry after a second"
                        : "too many requests from this client; batch observations and retry after a second",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Rate limit",
                    type: "https://vigia.example/problems/429").ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });
        return builder;
    }

    /// <summary>Sensor registry, ingest, the tracker loop and its queue, the picture, the stream fan-out, sensor monitoring.</summary>
    public static WebApplicationBuilder AddVigiaPipeline(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp => new SensorDirectory(sp.GetRequiredService<IJournal>(), sp.GetRequiredService<IOptions<VigiaServerOptions>>().Value.ParseOrigin()));
        services.AddSingleton<SensorHealthBook>();
        services.AddSingleton<ObservationParser>();
        services.AddSingleton(sp => new TrackerInbox(sp.GetRequiredService<IOptions<VigiaServerOptions>>().Value.TrackerQueueCapacity));
        services.AddSingleton<TrackPicture>();
        services.AddSingleton(_ => new EventBroadcaster());
        services.AddSingleton(sp => new ServerMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            () => sp.GetRequiredService<TrackerInbox>().Depth,
            () => sp.GetRequiredService<EventBroadcaster>().SubscriberCount));
        services.AddSingleton<IngestService>();
        services.AddOptions<Vigia.Alerting.Rules.ThreatRuleOptions>()
            .Bind(builder.Configuration.GetSection("Vigia:Alerting"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Vigia.Alerting.Rules.ThreatRuleOptions>, Threats.ThreatRuleOptionsValidator>();
        services.AddOptions<Threats.CapServerOptions>()
            .BindConfiguration(Threats.CapServerOptions.Section)
            .Validate(o => Vigia.Alerting.Cap.CapTokens.Check(o.Sender) is null, "Vigia:Cap:Sender must be a CAP token (no spaces, commas, < or &)")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Vigia:Cap:TimeZone is not a known time zone id")
            .Validate(o => string.IsNullOrEmpty(o.BaseUrl) || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Vigia:Cap:BaseUrl must be an absolute URL")
            .Validate(o => !o.Public || !string.IsNullOrWhiteSpace(o.BaseUrl), "Vigia:Cap:BaseUrl is required when Vigia:Cap:Public is true (the public feed's links must not come from a request's Host header)")
            .Validate(o => o.RequestsPerSecondPerClient >= 1 && o.RequestBurstPerClient >= 1, "Vigia:Cap:RequestsPerSecondPerClient and RequestBurstPerClient must be at least 1")
            .ValidateOnStart();
        services.AddSingleton(sp => (Vigia.Storage.Alerts.IAlertStore)sp.GetRequiredService<IJournal>());
        services.AddSingleton<Threats.AlertBoard>();
        services.AddSingleton<Threats.CapCache>();
        services.AddSingleton<Threats.IAlertOutput, Threats.AlertJournalOutput>();
        services.AddSingleton<Threats.IAlertOutput, Threats.AlertStreamOutput>();
        services.AddVigiaWebhooks();
        services.AddVigiaTak(builder.Configuration);
        services.AddSingleton<Threats.AlertLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<Threats.AlertLoop>());
        services.AddSingleton<TrackerLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<TrackerLoop>());
        services.AddHostedService<SensorMonitor>();
        services.AddSingleton<RetentionService>().AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<Replay.ReplaySessions>();
        services.AddSingleton<RemoteIdSourceService>();
        services.AddHostedService(sp => sp.GetRequiredService<RemoteIdSourceService>());
        services.AddSingleton<RadarSourceService>();
        services.AddHostedService(sp => sp.GetRequiredService<RadarSourceService>());
        services.AddSingleton<SapientNodeService>();
        services.AddHostedService(sp => sp.GetRequiredService<SapientNodeService>());
        services.AddSingleton<SensorInputs>();
        services.AddSingleton<AdsbSourceService>();
        services.AddHostedService(sp => sp.GetRequiredService<AdsbSourceService>());
        services.AddSingleton<UdpIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<UdpIngestService>());
        return builder;
    }

    /// <summary>OpenTelemetry metrics of the server, the journal and ASP.NET Core, exported in Prometheus format.</summary>
    public static WebApplicationBuilder AddVigiaTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Millisecond-scale buckets for the pipeline's own timings (OTel's defaults start at 5 ms, 10 ms, 25 ms).
        double[] milliseconds = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(ServerMetrics.MeterName, "Vigia.Storage", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddView("vigia.journal.commit.duration", new ExplicitBucketHistogramConfiguration { Boundaries = milliseconds })
            .AddView("vigia.tracker.scan.duration", new ExplicitBucketHistogramConfiguration { Boundaries = milliseconds })
            .AddView("vigia.pipeline.latency", new ExplicitBucketHistogramConfiguration { Boundaries = milliseconds })
            .AddView("vigia.alerts.latency", new ExplicitBucketHistogramConfiguration { Boundaries = milliseconds })
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Opens the journal before the host starts, so a corrupt, locked or unreachable database ends the
    /// start with one clear <see cref="JournalException"/> message (and no host failure log).
    /// </summary>
    public static async Task OpenJournalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<IJournal>().CheckAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
    }

    /// <summary>Authentication, authorisation and rate limiting, in that order; <c>/metrics</c> for loopback clients that name a loopback host only.</summary>
    public static WebApplication UseVigiaSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A loopback client under a loopback name only: a web page whose name a DNS-rebinding attack points at
        // 127.0.0.1 connects from loopback too, but its Host header still carries its own name.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics" && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
            && context.Request.Host.Host.ToUpperInvariant() is "LOCALHOST" or "127.0.0.1" or "[::1]");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}

/// <summary>The <c>--lan</c> certificate's fingerprint, printed at start.</summary>
/// <param name="Sha256">SHA-256 fingerprint, colon-separated hex.</param>
public sealed record LanCertificateInfo(string Sha256);

/// <summary>Opens the journal and loads the sensor registry when the host starts, so a bad database fails the start with its message.</summary>
internal sealed class JournalStartup(IJournal journal, SensorDirectory directory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await journal.CheckAsync(cancellationToken).ConfigureAwait(false);
        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
