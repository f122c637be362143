using System.Text.Json;

namespace Vigia.Protocols.RemoteId;

public static partial class RemoteIdJson
{
    /// <summary>Writes a Basic ID as the reference's <c>ODID_BasicID_data</c>.</summary>
    public static void WriteBasicId(Utf8JsonWriter writer, in BasicIdMessage body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var id = body.UasId;
        writer.WriteStartObject();
        writer.WriteNumber("UAType", (int)body.UaType);
        writer.WriteNumber("IDType", (int)body.IdType);
        WriteText(writer, "UASID", id);
        WriteHex(writer, "UASID_hex", id);
        writer.WriteEndObject();
    }

    /// <summary>Writes a Location as the reference's <c>ODID_Location_data</c>.</summary>
    public static void WriteLocation(Utf8JsonWriter writer, in LocationMessage body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("Status", (int)body.Status);
        writer.WriteNumber("Direction", body.DirectionDegrees);
        writer.WriteNumber("SpeedHorizontal", body.SpeedHorizontalMetersPerSecond);
        writer.WriteNumber("SpeedVertical", body.SpeedVerticalMetersPerSecond);
        writer.WriteNumber("Latitude", body.LatitudeDegrees);
        writer.WriteNumber("Longitude", body.LongitudeDegrees);
        writer.WriteNumber("AltitudeBaro", body.AltitudeBaroMeters);
        writer.WriteNumber("AltitudeGeo", body.AltitudeGeoMeters);
        writer.WriteNumber("HeightType", (int)body.HeightType);
        writer.WriteNumber("Height", body.HeightMeters);
        writer.WriteNumber("HorizAccuracy", body.HorizontalAccuracy);
        writer.WriteNumber("VertAccuracy", body.VerticalAccuracy);
        writer.WriteNumber("BaroAccuracy", body.BarometricAccuracy);
        writer.WriteNumber("SpeedAccuracy", body.SpeedAccuracy);
        writer.WriteNumber("TSAccuracy", body.TimestampAccuracy);
        writer.WriteNumber("TimeStamp", body.TimestampSecondsAfterHour);
        writer.WriteEndObject();
    }

    /// <summary>Writes an authentication page as the reference's <c>ODID_Auth_data</c> (page 0 with its header fields).</summary>
    public static void WriteAuthentication(Utf8JsonWriter writer, in AuthenticationMessage body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var data = body.AuthData;
        writer.WriteStartObject();
        writer.WriteNumber("DataPage", body.DataPage);
        writer.WriteNumber("AuthType", (int)body.AuthType);
        if (body.DataPage == 0)
        {
            writer.WriteNumber("LastPageIndex", body.LastPageIndex);
            writer.WriteNumber("Length", body.Length);
            writer.WriteNumber("Timestamp", body.TimestampSecondsSince2019);
        }

        WriteHex(writer, "AuthData_hex", ((ReadOnlySpan<byte>)data)[..body.AuthDataSize]);
        writer.WriteEndObject();
    }

    /// <summary>Writes a Self-ID as the reference's <c>ODID_SelfID_data</c>.</summary>
    public static void WriteSelfId(Utf8JsonWriter writer, in SelfIdMessage body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = body.Description;
        writer.WriteStartObject();
        writer.WriteNumber("DescType", (int)body.DescriptionType);
        WriteText(writer, "Desc", text);
        WriteHex(writer, "Desc_hex", text);
        writer.WriteEndObject();
    }

    /// <summary>Writes a System message as the reference's <c>ODID_System_data</c>.</summary>
    public static void WriteSystem(Utf8JsonWriter writer, in SystemMessage body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("OperatorLocationType", (int)body.OperatorLocationType);
        writer.WriteNumber("ClassificationType", (int)body.ClassificationType);
        writer.WriteNumber("OperatorLatitude", body.OperatorLatitudeDegrees);
        writer.WriteNumber("OperatorLongitude", body.OperatorLongitudeDegrees);
        writer.WriteNumber("AreaCount", body.AreaCount);
        writer.WriteNumber("AreaRadius", body.AreaRadiusMeters);
        writer.WriteNumber("AreaCeiling", body.AreaCeilingMeters);
        writer.WriteNumber("AreaFloor", body.AreaFloorMeters);
        writer.WriteNumber("CategoryEU", (int)body.CategoryEu);
        writer.WriteNumber("ClassEU", (int)body.ClassEu);
        writer.WriteNumber("OperatorAltitudeGeo", body.OperatorAltitudeGeoMeters);
        writer.WriteNumber("Timestamp", body.TimestampSecondsSince2019);
        writer.WriteEndObject();
    }

    /// <summary>Writes an Operator ID as the reference's <c>ODID_OperatorID_data</c>.</summary>
    public static void WriteOperatorId(Utf8JsonWriter writer, in OperatorIdMessage body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var id = body.OperatorId;
        writer.WriteStartObject();
        writer.WriteNumber("OperatorIdType", body.OperatorIdType);
        WriteText(writer, "OperatorId", id);
        WriteHex(writer, "OperatorId_hex", id);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> bytes)
    {
        var text = bytes[..FixedText.TextLength(bytes)];
        Span<char> chars = stackalloc char[RemoteIdBytes23.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        writer.WriteString(name, chars[..text.Length]);
    }

    private static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[2 * RemoteIdBytes23.Length];
        _ = Convert.TryToHexStringLower(bytes, chars, out var written);
        writer.WriteString(name, chars[..written]);
    }
}
