using System.Reflection;
using Microsoft.Extensions.Options;
using Vigia.Server.Hosting;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;

namespace Vigia.Server.Endpoints;

/// <summary><c>GET /api/v1/info</c>: the program's version, whether this is an exercise server, the picture origin and the server clock.</summary>
public static class InfoEndpoints
{
    private static readonly string Version =
        typeof(InfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapInfo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/info", (IOptions<VigiaServerOptions> options, SensorDirectory directory, TimeProvider clock) =>
        {
            var origin = directory.Frame?.Origin;
            return TypedResults.Ok(new InfoDto(
                Version,
                options.Value.Exercise,
                origin is { } o ? new GeoDto(o.LatitudeDegrees, o.LongitudeDegrees, o.HeightAboveEllipsoidMeters) : null,
                clock.GetUtcNow()));
        }).RequireAuthorization(VigiaClaims.ViewerPolicy);
        return app;
    }
}
