using System.Data.Common;
using System.Globalization;
using Vigia.Core.Time;
using Vigia.Storage.Ado;

namespace Vigia.Storage.Webhooks;

/// <summary>Column lists and row readers of the webhook tables, shared by both providers.</summary>
internal static class WebhookRows
{
    /// <summary>The endpoint columns that may be listed (never <c>secret</c>).</summary>
    public const string EndpointColumns = "id, url, description, min_level, created_ns, disabled_ns";

    /// <summary>The outbox columns in <see cref="ReadItem"/>'s order.</summary>
    public const string ItemColumns =
        "id, message_id, endpoint_id, event_type, payload, created_ns, expires_ns, next_attempt_ns, attempts, state, last_error, finished_ns";

    /// <summary>The attempt columns (alias <c>a</c>) joined with their item (alias <c>o</c>), in <see cref="ReadAttempt"/>'s order.</summary>
    public const string AttemptColumns =
        "a.id, a.outbox_id, a.endpoint_id, o.message_id, o.event_type, a.time_ns, a.status_code, a.error, a.duration_ms";

    /// <summary>The most rows one read returns.</summary>
    public const int MaxReadLimit = 10_000;

    /// <summary>Reads <see cref="EndpointColumns"/>.</summary>
    public static WebhookEndpoint ReadEndpoint(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Url = reader.GetString(1),
        Description = reader.GetString(2),
        MinLevel = reader.GetInt32(3),
        Created = new Timestamp(reader.GetInt64(4)),
        Disabled = reader.GetNullableTimestamp(5),
    };

    /// <summary>Reads <see cref="ItemColumns"/>.</summary>
    public static WebhookOutboxItem ReadItem(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        MessageId = reader.GetString(1),
        EndpointId = reader.GetString(2),
        EventType = reader.GetString(3),
        Payload = reader.GetString(4),
        Created = new Timestamp(reader.GetInt64(5)),
        Expires = new Timestamp(reader.GetInt64(6)),
        NextAttempt = new Timestamp(reader.GetInt64(7)),
        Attempts = reader.GetInt32(8),
        State = (WebhookOutboxState)reader.GetInt32(9),
        LastError = reader.GetNullableString(10),
        Finished = reader.GetNullableTimestamp(11),
    };

    /// <summary>Reads <see cref="AttemptColumns"/>.</summary>
    public static WebhookAttempt ReadAttempt(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),

        // PostgreSQL declares outbox_id as integer (int4), SQLite as INTEGER (int64): read either.
        OutboxId = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
        EndpointId = reader.GetString(2),
        MessageId = reader.GetString(3),
        EventType = reader.GetString(4),
        Time = new Timestamp(reader.GetInt64(5)),
        StatusCode = reader.IsDBNull(6) ? null : reader.GetInt32(6),
        Error = reader.GetNullableString(7),
        DurationMilliseconds = reader.IsDBNull(8) ? double.NaN : reader.GetDouble(8),
    };

    /// <summary>Refuses a read limit outside [1, <see cref="MaxReadLimit"/>].</summary>
    public static void ThrowIfBadLimit(int limit, string name)
    {
        if (limit is < 1 or > MaxReadLimit)
        {
            throw new ArgumentOutOfRangeException(name, limit, $"must be within [1, {MaxReadLimit}]");
        }
    }
}
