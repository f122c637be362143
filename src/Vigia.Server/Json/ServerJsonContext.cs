using System.Text.Json.Serialization;

namespace Vigia.Server.Json;

/// <summary>Source-generated serialisation for every API and stream document (snake_case names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TrackDto))]
[JsonSerializable(typeof(IReadOnlyList<TrackDto>))]
[JsonSerializable(typeof(TracksEvent))]
[JsonSerializable(typeof(PictureDto))]
[JsonSerializable(typeof(SensorsEvent))]
[JsonSerializable(typeof(IReadOnlyList<SensorDto>))]
[JsonSerializable(typeof(AsterixInputDto))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(IReadOnlyList<ObservationDto>))]
[JsonSerializable(typeof(SensorCreateRequest))]
[JsonSerializable(typeof(SensorCreatedResponse))]
[JsonSerializable(typeof(Vigia.Server.Ingest.FieldError))]
[JsonSerializable(typeof(List<Vigia.Server.Ingest.FieldError>))]
[JsonSerializable(typeof(TrackSnapshotHistoryDto))]
[JsonSerializable(typeof(ReplayDto))]
[JsonSerializable(typeof(InfoDto))]
[JsonSerializable(typeof(IReadOnlyList<ReplayDto>))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(ReplayControlRequest))]
[JsonSerializable(typeof(ReplayStatusEvent))]
[JsonSerializable(typeof(AlertDto))]
[JsonSerializable(typeof(AlertEventDto))]
[JsonSerializable(typeof(AlertsSnapshotEvent))]
[JsonSerializable(typeof(IReadOnlyList<AlertDto>))]
[JsonSerializable(typeof(AlertHistoryDto))]
[JsonSerializable(typeof(AcknowledgeRequest))]
[JsonSerializable(typeof(IReadOnlyList<ZoneAuditDto>))]
[JsonSerializable(typeof(AllowListDto))]
[JsonSerializable(typeof(IReadOnlyList<AllowListDto>))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
public sealed partial class ServerJsonContext : JsonSerializerContext;
