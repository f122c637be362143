using System.Buffers;
using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Server.Ingest;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Server.Endpoints;

/// <summary><c>POST /api/v1/observations</c> (ingest, <c>vigia-observation/1</c>) and <c>GET /api/v1/observations</c> (journal).</summary>
public static class ObservationsEndpoints
{
    /// <summary>Maps the observation routes.</summary>
    public static IEndpointRouteBuilder MapObservations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/observations");
        group.MapPost("/", PostAsync).RequireAuthorization(VigiaClaims.IngestPolicy).RequireRateLimiting(RateLimits.IngestPolicy);
        group.MapGet("/", GetAsync).RequireAuthorization(VigiaClaims.ViewerPolicy);
        return app;
    }

    private static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> PostAsync(
        HttpContext context,
        ObservationParser parser,
        IngestService ingest,
        SensorHealthBook health,
        ServerMetrics metrics,
        IOptions<VigiaServerOptions> options,
        TimeProvider clock)
    {
        var received = Stopwatch.GetTimestamp();
        var limits = options.Value;
        if (context.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Plain(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send Content-Type: application/json (schema vigia-observation/1)");
        }

        // Every other route keeps the server's small default body limit; ingest batches may be larger.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        }

        var body = await ReadBoundedAsync(context.Request, limits.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.Plain(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"the body exceeds {limits.MaxRequestBodyBytes} bytes; send smaller batches");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Value, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return Problems.Plain(StatusCodes.Status400BadRequest, "Malformed JSON", $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var items = new List<JsonElement>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("observations", out var array))
            {
                if (array.ValueKind != JsonValueKind.Array)
                {
                    return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid observations", "'observations' must be an array", [new FieldError(0, "observations", "must be an array")]);
                }

                items.AddRange(array.EnumerateArray());
            }
            else
            {
                items.Add(root);
            }

            if (items.Count == 0)
            {
                return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid observations", "the batch is empty", [new FieldError(0, "observations", "must hold at least one observation")]);
            }

            if (items.Count > limits.MaxBatchSize)
            {
                return Problems.Items(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"{items.Count} observations in one request; at most {limits.MaxBatchSize}", [new FieldError(0, "observations", $"at most {limits.MaxBatchSize} items")]);
            }

            var onlySensor = context.User.FindFirstValue(VigiaClaims.SensorId);
            var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
            var errors = new List<FieldError>();
            var parsed = new List<JournalObservation>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (parser.Parse(items[i], i, onlySensor, now, errors) is { } observation)
                {
                    parsed.Add(observation);
                }
            }

            if (errors.Count > 0)
            {
                var who = onlySensor ?? context.User.Identity?.Name ?? "?";
                health.Refused(who, items.Count, now);
                metrics.Observations.Add(items.Count, new KeyValuePair<string, object?>("outcome", "refused"));
                var forbidden = onlySensor is not null && errors.Any(e => e.Field == "sensor_id" && e.Reason.StartsWith("this token", StringComparison.Ordinal));
                return Problems.Items(
                    forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity,
                    forbidden ? "Not your sensor" : "Invalid observations",
                    $"{errors.Select(e => e.Index).Distinct().Count()} of {items.Count} items refused; nothing was written",
                    errors.Take(1000).ToList());
            }

            AppendOutcome[] outcomes;
            try
            {
                outcomes = await ingest.SubmitAsync(parsed, received).ConfigureAwait(false);
            }
            catch (JournalOverloadedException)
            {
                context.Response.Headers.RetryAfter = "1";
                return Problems.Plain(StatusCodes.Status503ServiceUnavailable, "Journal busy", "the journal queue is full; retry after a second with the same ids");
            }
            catch (JournalException ex)
            {
                return Problems.Plain(StatusCodes.Status503ServiceUnavailable, "Journal unavailable", ex.Message);
            }

            var results = new IngestResultDto[outcomes.Length];
            for (var i = 0; i < outcomes.Length; i++)
            {
                results[i] = new IngestResultDto(i, parsed[i].Observation.ClientId!, outcomes[i].Duplicate);
            }

            return TypedResults.Ok(new IngestResponse(results));
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<ObservationDto>>, ProblemHttpResult>> GetAsync(
        IJournal journal, string? from, string? to, string? sensor, long? after, int? limit, CancellationToken cancellationToken)
    {
        Timestamp? start = null, end = null;
        if (from is not null)
        {
            if (!DateTimeOffset.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var f))
            {
                return Problems.Items(StatusCodes.Status400BadRequest, "Invalid query", "from must be an RFC 3339 time", [new FieldError(0, "from", "must be an RFC 3339 time")]);
            }

            start = Timestamp.FromDateTimeOffset(f);
        }

        if (to is not null)
        {
            if (!DateTimeOffset.TryParse(to, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t))
            {
                return Problems.Items(StatusCodes.Status400BadRequest, "Invalid query", "to must be an RFC 3339 time", [new FieldError(0, "to", "must be an RFC 3339 time")]);
            }

            end = Timestamp.FromDateTimeOffset(t);
        }

        var take = Math.Clamp(limit ?? 1000, 1, 10_000);
        var list = new List<ObservationDto>();
        await foreach (var s in journal.ReadObservationsAsync(new ObservationQuery { From = start, To = end, SensorId = sensor, AfterSequence = after ?? 0, BySequence = after is not null, Limit = take }, cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToDto(s));
        }

        return TypedResults.Ok<IReadOnlyList<ObservationDto>>(list);
    }

    private static ObservationDto ToDto(StoredObservation s)
    {
        var o = s.Observation;
        var m = o.Measurement;
        var n = m.Dimension;
        var values = new[] { m.V0, m.V1, m.V2 }[..n];
        var covariance = new double[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                covariance[(r * n) + c] = m.Covariance[r, c];
            }
        }

        return new ObservationDto
        {
            Seq = s.Sequence,
            SensorId = o.Sensor.Value,
            Id = o.ClientId,
            SensorTime = o.SensorTime.ToDateTimeOffset(),
            ReceiveTime = o.ReceiveTime.ToDateTimeOffset(),
            Kind = m.Kind switch
            {
                MeasurementKind.EnuPosition => "enu",
                MeasurementKind.GeodeticPosition => "geodetic",
                MeasurementKind.RangeAzimuthElevation => "rae",
                _ => "bearing",
            },
            Values = values,
            Covariance = covariance,
            UasId = o.UasId,
            RawB64 = s.Raw is null ? null : Convert.ToBase64String(s.Raw),
        };
    }

    /// <summary>Reads the body up to <paramref name="limit"/> bytes; null if it is longer.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, limit) + 1);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
