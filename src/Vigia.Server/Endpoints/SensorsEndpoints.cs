using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Server.Ingest;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Server.Endpoints;

/// <summary><c>/api/v1/sensors</c>: health for viewers; registration and revocation for admins.</summary>
public static class SensorsEndpoints
{
    /// <summary>Maps the sensor routes.</summary>
    public static IEndpointRouteBuilder MapSensors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sensors");
        group.MapGet("/", (SensorDirectory directory, SensorHealthBook health, SensorInputs inputs, IOptions<VigiaServerOptions> options, TimeProvider clock) =>
            TypedResults.Ok(SensorReport.Build(directory, health, options.Value, Timestamp.FromDateTimeOffset(clock.GetUtcNow()), inputs)))
            .RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapGet("/asterix", (SensorInputs inputs, TimeProvider clock) => TypedResults.Ok(inputs.Asterix(Timestamp.FromDateTimeOffset(clock.GetUtcNow()))))
            .RequireAuthorization(VigiaClaims.ViewerPolicy);
        group.MapPost("/", CreateAsync).RequireAuthorization(VigiaClaims.AdminPolicy);
        group.MapDelete("/{id}", RevokeAsync).RequireAuthorization(VigiaClaims.AdminPolicy);
        return app;
    }

    private static async Task<Results<Created<SensorCreatedResponse>, ProblemHttpResult>> CreateAsync(
        SensorCreateRequest request, IJournal journal, SensorDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = SensorRegistration.Validate(request.Id, request.Kind, request.Position, request.RangeM);
        if (errors.Count > 0)
        {
            return Problems.Items(StatusCodes.Status422UnprocessableEntity, "Invalid sensor", string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")), errors);
        }

        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var (record, token) = SensorRegistration.Create(request.Id, request.Kind, request.Position is { } p ? new GeoPosition(p[0], p[1], p[2]) : null, request.Description ?? "", now, request.RangeM);
        if (!await journal.AddSensorAsync(record, Secrets.Hash(token), cancellationToken).ConfigureAwait(false))
        {
            return Problems.Items(StatusCodes.Status409Conflict, "Sensor exists", $"a sensor '{request.Id}' is already registered", [new FieldError(0, "id", "already registered")]);
        }

        await journal.AppendSensorEventAsync(new SensorEvent(now, record.Id, "registered", $"kind {record.Kind}"), cancellationToken).ConfigureAwait(false);
        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/sensors/{Uri.EscapeDataString(record.Id)}", new SensorCreatedResponse(record.Id, token));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, IJournal journal, SensorDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        if (!await journal.RevokeSensorAsync(id, now, cancellationToken).ConfigureAwait(false))
        {
            return Problems.Plain(StatusCodes.Status404NotFound, "Unknown sensor", $"no active sensor '{id}'");
        }

        await journal.AppendSensorEventAsync(new SensorEvent(now, id, "revoked", ""), cancellationToken).ConfigureAwait(false);
        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}

/// <summary>Validation and creation of sensor registrations, shared by the API and <c>vigia sensors add</c>.</summary>
public static class SensorRegistration
{
    /// <summary>Field errors of a registration request (empty when valid).</summary>
    public static List<FieldError> Validate(string? id, string? kind, double[]? position, double? rangeMeters = null)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(new FieldError(0, "id", "must be 1…64 characters of letters, digits, '-', '_' or '.'"));
        }

        if (kind is null || !SensorKinds.IsKnown(kind))
        {
            errors.Add(new FieldError(0, "kind", $"must be one of {string.Join(", ", SensorKinds.Allowed.Keys)}"));
        }

        if (position is not null && (position.Length != 3 || !double.IsFinite(position[0]) || Math.Abs(position[0]) > 90 || !double.IsFinite(position[1]) || Math.Abs(position[1]) > 180 || !double.IsFinite(position[2]) || Math.Abs(position[2]) > 100_000))
        {
            errors.Add(new FieldError(0, "position", "must be [latitude deg (±90), longitude deg (±180), height m above the WGS-84 ellipsoid]"));
        }

        if (rangeMeters is { } range && !(range > 0 && range <= 1_000_000))
        {
            errors.Add(new FieldError(0, "range_m", "must be a positive number of metres, at most 1 000 km"));
        }

        return errors;
    }

    /// <summary>A new sensor record and its bearer token (shown once, stored hashed).</summary>
    public static (SensorRecord Record, string Token) Create(string id, string kind, GeoPosition? position, string description, Timestamp now, double? rangeMeters = null) =>
        (new SensorRecord { Id = id, Kind = kind, Position = position, Description = description, Created = now, RangeMeters = rangeMeters }, Secrets.Generate(Secrets.SensorPrefix));
}

/// <summary>Builds the sensor health documents.</summary>
public static class SensorReport
{
    /// <summary>Every registered sensor with its health at <paramref name="now"/>, and what the in-process <paramref name="inputs"/> know of it.</summary>
    public static IReadOnlyList<SensorDto> Build(SensorDirectory directory, SensorHealthBook health, VigiaServerOptions options, Timestamp now, SensorInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(options);
        var details = inputs?.Read(now);
        var list = new List<SensorDto>(directory.Sensors.Count);
        foreach (var entry in directory.Sensors.Values.OrderBy(e => e.Record.Id, StringComparer.Ordinal))
        {
            var r = entry.Record;
            var h = health.Read(r.Id, now, options.SensorDegradedAfterSeconds, options.SensorDownAfterSeconds);
            list.Add(new SensorDto
            {
                Id = r.Id,
                Kind = r.Kind,
                Position = r.Position is { } p ? new GeoDto(p.LatitudeDegrees, p.LongitudeDegrees, p.HeightAboveEllipsoidMeters) : null,
                Description = r.Description,
                RangeM = r.RangeMeters,
                Created = r.Created.ToDateTimeOffset(),
                Revoked = r.Revoked?.ToDateTimeOffset(),
                State = r.Revoked is not null ? "revoked" : h.State.ToString().ToLowerInvariant(),
                LastMessageAgeS = h.LastMessageAgeSeconds,
                Rate = h.MessagesPerSecond,
                Accepted = h.Accepted,
                Duplicates = h.Duplicates,
                Refused = h.Refused,
                Late = h.Late,
                Future = h.Future,
                Reordered = h.Reordered,
                Dropped = h.Dropped,
                ClockOffsetS = h.ClockOffsetSeconds,
                LastBearing = h.LastBearing is { } b ? new BearingDto(b.AzimuthDegrees, b.ElevationDegrees, b.Time.ToDateTimeOffset()) : null,
                Asterix = r.Kind == "radar" ? details?.Asterix(r.Id) : null,
                Sapient = r.Kind == "sapient" ? details?.Sapient(r.Id) : null,
                Adsb = r.Kind == "adsb" ? details?.Adsb(r.Id) : null,
            });
        }

        return list;
    }
}
