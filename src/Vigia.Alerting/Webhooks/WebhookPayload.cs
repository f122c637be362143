using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigia.Alerting.Alerts;
using Vigia.Core.Time;

namespace Vigia.Alerting.Webhooks;

/// <summary>
/// The webhook body for an alert event, in the Standard Webhooks payload shape
/// <c>{"type": "alert.raised", "timestamp": "…Z", "data": {…}}</c>: <c>data</c> is the alert at this version
/// (snake_case, nulls left out), its reason codes, and its headline, description and instruction in Spanish and
/// English. <c>data.exercise</c> comes first and is always present; an exercise's headline also starts with
/// <c>EJERCICIO —</c> / <c>EXERCISE —</c>, so no receiver can mistake a drill for a real warning.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
public static class WebhookPayload
{
    /// <summary>The UTF-8 JSON body for <paramref name="alertEvent"/> (compact; sign and send these exact bytes).</summary>
    public static byte[] Build(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var alert = alertEvent.Alert;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", WebhookEventTypes.Of(alertEvent.Change));
            w.WriteString("timestamp", alert.UpdatedAt.ToString());
            w.WriteStartObject("data");
            w.WriteBoolean("exercise", alert.Exercise);
            w.WriteString("id", alert.Id);
            w.WriteNumber("version", alert.Version);
            w.WriteString("change", WebhookEventTypes.Of(alertEvent.Change)["alert.".Length..]);
            w.WriteString("kind", alert.Kind == AlertKind.ZoneThreat ? "zone_threat" : "coverage_lost");
            w.WriteString("level", AlertReasonCodes.Of(alert.Level));
            w.WriteString("peak_level", AlertReasonCodes.Of(alert.PeakLevel));
            w.WriteBoolean("active", alert.IsActive);
            w.WriteStartArray("reasons");
            foreach (var reason in alert.Reasons)
            {
                w.WriteStringValue(AlertReasonCodes.Of(reason));
            }

            w.WriteEndArray();
            WriteWords(w, "headline", alert, AlertText.Headline);
            WriteWords(w, "description", alert, AlertText.Description);
            WriteWords(w, "instruction", alert, AlertText.Instruction);
            WriteSubject(w, alert);
            WriteWorstTrack(w, alert);
            WriteTimes(w, alert);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The <c>webhook-id</c> of an alert version: <c>msg_</c> + 32 hex digits of SHA-256 over the alert id and version.
    /// Deterministic, so enqueuing the same version twice (a retried transaction, a restart) is one message; header-safe
    /// whatever characters a zone id holds.
    /// </summary>
    public static string MessageId(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{alert.Id}\n{alert.Version}"), hash);
        return "msg_" + Convert.ToHexStringLower(hash[..16]);
    }

    private static void WriteWords(Utf8JsonWriter w, string name, Alert alert, Func<Alert, AlertLanguage, string> words)
    {
        w.WriteStartObject(name);
        w.WriteString("es", words(alert, AlertLanguage.Spanish));
        w.WriteString("en", words(alert, AlertLanguage.English));
        w.WriteEndObject();
    }

    private static void WriteSubject(Utf8JsonWriter w, Alert alert)
    {
        WriteOptional(w, "zone_id", alert.ZoneId);
        WriteOptional(w, "zone_name", alert.ZoneName);
        if (alert.ZoneKind is { } kind)
        {
            w.WriteString("zone_kind", kind.ToString().ToLowerInvariant());
        }

        WriteOptional(w, "sensor_id", alert.SensorId);
        if (alert.CoveredZoneIds.Count > 0)
        {
            w.WriteStartArray("covered_zone_ids");
            foreach (var zone in alert.CoveredZoneIds)
            {
                w.WriteStringValue(zone);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("track_ids");
        foreach (var track in alert.TrackIds)
        {
            w.WriteNumberValue(track);
        }

        w.WriteEndArray();
    }

    private static void WriteWorstTrack(Utf8JsonWriter w, Alert alert)
    {
        WriteOptional(w, "uas_id", alert.UasId);
        if (alert.Position is { } p && double.IsFinite(p.LatitudeDegrees) && double.IsFinite(p.LongitudeDegrees))
        {
            w.WriteStartObject("position");
            w.WriteNumber("lat", p.LatitudeDegrees);
            w.WriteNumber("lon", p.LongitudeDegrees);
            WriteOptional(w, "h", p.HeightAboveEllipsoidMeters);
            w.WriteEndObject();
        }

        WriteOptional(w, "speed_mps", alert.SpeedMetersPerSecond);
        WriteOptional(w, "course_deg", alert.CourseDegrees);
        WriteOptional(w, "distance_m", alert.DistanceMeters);
        WriteOptional(w, "seconds_to_entry", alert.SecondsToEntry);
    }

    private static void WriteTimes(Utf8JsonWriter w, Alert alert)
    {
        w.WriteString("condition_since", alert.ConditionSince.ToString());
        w.WriteString("raised_at", alert.RaisedAt.ToString());
        w.WriteString("updated_at", alert.UpdatedAt.ToString());
        WriteOptional(w, "cleared_at", alert.ClearedAt);
        if (alert.Acknowledgement is { } ack)
        {
            w.WriteString("acknowledged_by", ack.By);
            w.WriteString("acknowledged_at", ack.At.ToString());
        }

        w.WriteString("expires_at", alert.ExpiresAt.ToString());
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, Timestamp? value)
    {
        if (value is { } t)
        {
            w.WriteString(name, t.ToString());
        }
    }

    // JSON has no NaN or infinity: a value that is not finite is left out, as null ones are.
    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
    }
}
