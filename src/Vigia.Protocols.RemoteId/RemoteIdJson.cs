using System.Text.Json;

namespace Vigia.Protocols.RemoteId;

/// <summary>
/// JSON projection of decoded messages with the reference's field names and structure (those of the
/// <c>decoded</c> objects in <c>shared/data/remoteid/vectors.jsonl</c>: <c>UAType</c>, <c>UASID</c>,
/// <c>Latitude</c>…; a pack gives <c>BasicID[]</c>, <c>Location</c>, <c>Auth[]</c>, <c>SelfID</c>,
/// <c>System</c>, <c>OperatorID</c>). Written with <see cref="Utf8JsonWriter"/>: no reflection, AOT-safe.
/// </summary>
/// <remarks>Strings are the bytes up to the first NUL mapped to U+00XX; <c>*_hex</c> twins hold the full field. Thread-safety: stateless.</remarks>
public static partial class RemoteIdJson
{
    /// <summary>The <c>type</c> name used by <c>vigia decode</c> for a message type.</summary>
    public static string TypeName(RemoteIdMessageType type) => type switch
    {
        RemoteIdMessageType.BasicId => "basic_id",
        RemoteIdMessageType.Location => "location",
        RemoteIdMessageType.Authentication => "auth",
        RemoteIdMessageType.SelfId => "self_id",
        RemoteIdMessageType.System => "system",
        RemoteIdMessageType.OperatorId => "operator_id",
        RemoteIdMessageType.MessagePack => "uas",
        _ => "none",
    };

    /// <summary>Writes the type-specific <c>decoded</c> object of one message.</summary>
    public static void WriteDecoded(Utf8JsonWriter writer, in RemoteIdMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (message.MessageType)
        {
            case RemoteIdMessageType.BasicId:
                WriteBasicId(writer, message.BasicId);
                break;
            case RemoteIdMessageType.Location:
                WriteLocation(writer, message.Location);
                break;
            case RemoteIdMessageType.Authentication:
                WriteAuthentication(writer, message.Authentication);
                break;
            case RemoteIdMessageType.SelfId:
                WriteSelfId(writer, message.SelfId);
                break;
            case RemoteIdMessageType.System:
                WriteSystem(writer, message.System);
                break;
            case RemoteIdMessageType.OperatorId:
                WriteOperatorId(writer, message.OperatorId);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Writes the aggregated UAS object of a pack (reference <c>ODID_UAS_Data</c>, valid entries only, null when absent).</summary>
    public static void WriteUas(Utf8JsonWriter writer, in RemoteIdUasData uas)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("BasicID");
        for (var i = 0; i < RemoteIdUasData.BasicIdSlots; i++)
        {
            if (uas.IsBasicIdValid(i))
            {
                WriteBasicId(writer, uas.GetBasicId(i));
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName("Location");
        if (uas.LocationValid)
        {
            WriteLocation(writer, uas.Location);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartArray("Auth");
        for (var page = 0; page < AuthenticationMessage.MaxPages; page++)
        {
            if (uas.IsAuthPageValid(page))
            {
                WriteAuthentication(writer, uas.GetAuthPage(page));
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName("SelfID");
        WriteOrNull(writer, uas.SelfIdValid, uas.SelfId, WriteSelfId);
        writer.WritePropertyName("System");
        WriteOrNull(writer, uas.SystemValid, uas.System, WriteSystem);
        writer.WritePropertyName("OperatorID");
        WriteOrNull(writer, uas.OperatorIdValid, uas.OperatorId, WriteOperatorId);
        writer.WriteEndObject();
    }

    /// <summary>Writes anomaly flags as an array of reason-code names.</summary>
    public static void WriteAnomalies(Utf8JsonWriter writer, RemoteIdAnomalies anomalies)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var (flag, name) in AnomalyNames)
        {
            if ((anomalies & flag) != 0)
            {
                writer.WriteStringValue(name);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an error object <c>{"code","offset","field","message"}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, in DecodeError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("code", ErrorCodeName(error.Code));
        writer.WriteNumber("offset", error.Offset);
        writer.WriteString("field", error.Field);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }

    /// <summary>The stable name of an anomaly flag (a single flag).</summary>
    public static string AnomalyName(RemoteIdAnomalies flag)
    {
        foreach (var (f, name) in AnomalyNames)
        {
            if (f == flag)
            {
                return name;
            }
        }

        return "Unknown";
    }

    private delegate void BodyWriter<T>(Utf8JsonWriter writer, in T body);

    private static void WriteOrNull<T>(Utf8JsonWriter writer, bool valid, in T body, BodyWriter<T> write)
    {
        if (valid)
        {
            write(writer, body);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
