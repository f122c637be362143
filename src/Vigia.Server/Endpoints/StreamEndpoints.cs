using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Server.Ingest;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;

namespace Vigia.Server.Endpoints;

/// <summary>
/// <c>GET /api/v1/stream</c>: Server-Sent Events. First a <c>snapshot</c> (the whole picture) and a
/// <c>sensors</c> event, then <c>tracks</c> events (updated and removed tracks of each tracker step)
/// and a <c>sensors</c> event every second, and an <c>alert</c> event per alert change (on connect, one
/// <c>"change":"standing"</c> event per standing alert); a comment line every 15 s keeps proxies from closing it.
/// Every event carries <c>"mode":"live"</c>. The key is checked again every <c>Vigia:StreamKeyCheckSeconds</c>
/// (default 5): once it is revoked the stream ends.
/// </summary>
public static class StreamEndpoints
{
    private static readonly byte[] Heartbeat = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] Revoked = ": credential revoked\n\n"u8.ToArray();
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>Maps the stream route.</summary>
    public static IEndpointRouteBuilder MapStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stream", StreamAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        return app;
    }

    private static Task StreamAsync(
        HttpContext context, EventBroadcaster broadcaster, TrackPicture picture, SensorDirectory directory, SensorHealthBook health, SensorInputs inputs, Threats.AlertBoard alerts, IOptions<VigiaServerOptions> options, TimeProvider clock) =>
        PumpAsync(context, broadcaster, () =>
        {
            var now = clock.GetUtcNow();
            var snapshot = StreamFrames.Encode("snapshot", JsonSerializer.SerializeToUtf8Bytes(picture.Current, ServerJsonContext.Default.PictureDto));
            var sensors = new SensorsEvent("live", now, SensorReport.Build(directory, health, options.Value, Timestamp.FromDateTimeOffset(now), inputs)) { Exercise = options.Value.Exercise ? true : null };
            var standing = alerts.Standing.Select(a =>
                StreamFrames.Encode("alert", JsonSerializer.SerializeToUtf8Bytes(new AlertEventDto("standing", a), ServerJsonContext.Default.AlertEventDto)));
            return [snapshot, StreamFrames.Encode("sensors", JsonSerializer.SerializeToUtf8Bytes(sensors, ServerJsonContext.Default.SensorsEvent)), .. standing];
        });

    /// <summary>
    /// Serves one Server-Sent Events connection: subscribes, then writes what <paramref name="first"/> builds
    /// (the snapshot, taken after subscribing so no update falls between the two), then every published
    /// event until the client leaves, falls behind, its key is revoked, or the broadcast ends.
    /// </summary>
    internal static async Task PumpAsync(HttpContext context, EventBroadcaster broadcaster, Func<ReadOnlyMemory<byte>[]> first)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var cancellationToken = context.RequestAborted;
        using var subscriber = broadcaster.Subscribe();
        foreach (var frame in first())
        {
            await response.Body.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }

        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

        var reader = subscriber.Queue.Reader;
        var credential = StreamCredential.Of(context);
        var checkEvery = TimeSpan.FromSeconds(context.RequestServices.GetRequiredService<IOptions<VigiaServerOptions>>().Value.StreamKeyCheckSeconds);
        var lastWrite = Stopwatch.GetTimestamp();
        var lastCheck = lastWrite;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Wake for the next heartbeat or the next credential check, whichever comes first.
                var untilHeartbeat = HeartbeatInterval - Stopwatch.GetElapsedTime(lastWrite);
                var untilCheck = checkEvery - Stopwatch.GetElapsedTime(lastCheck);
                var wake = untilHeartbeat < untilCheck ? untilHeartbeat : untilCheck;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(wake > TimeSpan.FromMilliseconds(1) ? wake : TimeSpan.FromMilliseconds(1));
                bool more;
                var idle = false;
                try
                {
                    more = await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    more = true;
                    idle = true;
                }

                // A key revoked after the stream opened ends it (checked on quiet and busy streams alike).
                if (Stopwatch.GetElapsedTime(lastCheck) >= checkEvery)
                {
                    lastCheck = Stopwatch.GetTimestamp();
                    if (!await credential.StillValidAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await response.Body.WriteAsync(Revoked, cancellationToken).ConfigureAwait(false);
                        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    }
                }

                if (idle)
                {
                    if (Stopwatch.GetElapsedTime(lastWrite) >= HeartbeatInterval)
                    {
                        await response.Body.WriteAsync(Heartbeat, cancellationToken).ConfigureAwait(false);
                        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                        lastWrite = Stopwatch.GetTimestamp();
                    }

                    continue;
                }

                if (!more)
                {
                    break;
                }

                while (reader.TryRead(out var frame))
                {
                    await response.Body.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                }

                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                lastWrite = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        catch (SlowSubscriberException)
        {
            // Fell a whole queue behind: close; the client reconnects and gets a fresh snapshot.
        }
    }
}
