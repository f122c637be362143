using System.Reflection;
using Microsoft.Extensions.Options;
using Vigia.Server.Hosting;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;

namespace Vigia.Server.Endpoints;

/// <summary>
/// <c>GET /api/v1/info</c>: the program's version, whether this is an exercise server, the picture origin, the
/// server clock and any configured basemap; and <c>GET /basemap/custom.pmtiles</c> for a configured PMTiles file.
/// </summary>
public static class InfoEndpoints
{
    private static readonly string Version =
        typeof(InfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapInfo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/info", (HttpContext context, IOptions<VigiaServerOptions> options, SensorDirectory directory, TimeProvider clock) =>
        {
            var origin = directory.Frame?.Origin;
            var o = options.Value;
            var pmtiles = string.IsNullOrWhiteSpace(o.ConsolePmtiles) ? null : PmtilesPath;
            return TypedResults.Ok(new InfoDto(
                Version,
                o.Exercise,
                origin is { } g ? new GeoDto(g.LatitudeDegrees, g.LongitudeDegrees, g.HeightAboveEllipsoidMeters) : null,
                clock.GetUtcNow())
            {
                Basemap = string.IsNullOrWhiteSpace(o.ConsoleStyleUrl) && pmtiles is null ? null : new BasemapDto(string.IsNullOrWhiteSpace(o.ConsoleStyleUrl) ? null : o.ConsoleStyleUrl, pmtiles),
                Role = context.User.IsInRole("admin") ? "admin" : context.User.IsInRole("operator") ? "operator" : "viewer",
            });
        }).RequireAuthorization(VigiaClaims.ViewerPolicy);

        // A configured PMTiles basemap, with range requests (the PMTiles client reads it piecewise). Anonymous
        // like the console's bundled basemap: map tiles say nothing about the picture.
        app.MapGet(PmtilesPath, (IOptions<VigiaServerOptions> options) =>
            options.Value.ConsolePmtiles is { Length: > 0 } file && File.Exists(file)
                ? Results.File(Path.GetFullPath(file), "application/vnd.pmtiles", enableRangeProcessing: true)
                : Results.NotFound()).AllowAnonymous();
        return app;
    }

    /// <summary>Where a configured PMTiles basemap is served.</summary>
    public const string PmtilesPath = "/basemap/custom.pmtiles";
}
