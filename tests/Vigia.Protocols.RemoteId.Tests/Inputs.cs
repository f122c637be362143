using System.Text.Json;

namespace Vigia.Protocols.RemoteId.Tests;

/// <summary>Builds messages from a record's <c>input</c> object (the library's <c>ODID_*_data</c> field names).</summary>
internal static class Inputs
{
    public static RemoteIdMessage Message(string kind, JsonElement i, byte version) => kind switch
    {
        "basic_id" => RemoteIdMessage.FromBasicId(BasicId(i), version),
        "location" => RemoteIdMessage.FromLocation(Location(i), version),
        "auth" => RemoteIdMessage.FromAuthentication(Auth(i), version),
        "self_id" => RemoteIdMessage.FromSelfId(SelfId(i), version),
        "system" => RemoteIdMessage.FromSystem(SystemBody(i), version),
        "operator_id" => RemoteIdMessage.FromOperatorId(OperatorId(i), version),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static BasicIdMessage BasicId(JsonElement i) => new()
    {
        UaType = (UaType)I(i, "UAType"),
        IdType = (UasIdType)I(i, "IDType"),
        UasId = RemoteIdBytes20.From(Hex(i, "UASID_hex")),
    };

    public static LocationMessage Location(JsonElement i) => new()
    {
        Status = (OperationalStatus)I(i, "Status"),
        DirectionDegrees = F(i, "Direction"),
        SpeedHorizontalMetersPerSecond = F(i, "SpeedHorizontal"),
        SpeedVerticalMetersPerSecond = F(i, "SpeedVertical"),
        LatitudeDegrees = i.GetProperty("Latitude").GetDouble(),
        LongitudeDegrees = i.GetProperty("Longitude").GetDouble(),
        AltitudeBaroMeters = F(i, "AltitudeBaro"),
        AltitudeGeoMeters = F(i, "AltitudeGeo"),
        HeightType = (HeightReference)I(i, "HeightType"),
        HeightMeters = F(i, "Height"),
        HorizontalAccuracy = (byte)I(i, "HorizAccuracy"),
        VerticalAccuracy = (byte)I(i, "VertAccuracy"),
        BarometricAccuracy = (byte)I(i, "BaroAccuracy"),
        SpeedAccuracy = (byte)I(i, "SpeedAccuracy"),
        TimestampAccuracy = (byte)I(i, "TSAccuracy"),
        TimestampSecondsAfterHour = F(i, "TimeStamp"),
    };

    public static AuthenticationMessage Auth(JsonElement i) => new()
    {
        DataPage = (byte)I(i, "DataPage"),
        AuthType = (AuthenticationType)I(i, "AuthType"),
        LastPageIndex = (byte)(i.TryGetProperty("LastPageIndex", out var l) ? l.GetInt32() : 0),
        Length = (byte)(i.TryGetProperty("Length", out var n) ? n.GetInt32() : 0),
        TimestampSecondsSince2019 = i.TryGetProperty("Timestamp", out var t) ? t.GetUInt32() : 0,
        AuthData = RemoteIdBytes23.From(Hex(i, "AuthData_hex")),
    };

    public static SelfIdMessage SelfId(JsonElement i) => new()
    {
        DescriptionType = (SelfIdDescriptionType)I(i, "DescType"),
        Description = RemoteIdBytes23.From(Hex(i, "Desc_hex")),
    };

    public static SystemMessage SystemBody(JsonElement i) => new()
    {
        OperatorLocationType = (OperatorLocationType)I(i, "OperatorLocationType"),
        ClassificationType = (ClassificationType)I(i, "ClassificationType"),
        OperatorLatitudeDegrees = i.GetProperty("OperatorLatitude").GetDouble(),
        OperatorLongitudeDegrees = i.GetProperty("OperatorLongitude").GetDouble(),
        AreaCount = (ushort)I(i, "AreaCount"),
        AreaRadiusMeters = (ushort)I(i, "AreaRadius"),
        AreaCeilingMeters = F(i, "AreaCeiling"),
        AreaFloorMeters = F(i, "AreaFloor"),
        CategoryEu = (EuCategory)I(i, "CategoryEU"),
        ClassEu = (EuClass)I(i, "ClassEU"),
        OperatorAltitudeGeoMeters = F(i, "OperatorAltitudeGeo"),
        TimestampSecondsSince2019 = i.GetProperty("Timestamp").GetUInt32(),
    };

    public static OperatorIdMessage OperatorId(JsonElement i) => new()
    {
        OperatorIdType = (byte)I(i, "OperatorIdType"),
        OperatorId = RemoteIdBytes20.From(Hex(i, "OperatorId_hex")),
    };

    /// <summary>The integer fields of a message as on the air, for ±1 LSB comparisons.</summary>
    public static long[] RawFields(in RemoteIdMessage m) => m.MessageType switch
    {
        RemoteIdMessageType.Location => [(int)m.Location.Status, (int)m.Location.HeightType, m.Location.RawDirection + (m.Location.EastWestDirection ? 180 : 0),
            (long)(m.Location.SpeedHorizontalMetersPerSecond * 4), m.Location.RawSpeedVertical, m.Location.RawLatitude, m.Location.RawLongitude,
            m.Location.RawAltitudeBaro, m.Location.RawAltitudeGeo, m.Location.RawHeight, m.Location.HorizontalAccuracy, m.Location.VerticalAccuracy,
            m.Location.BarometricAccuracy, m.Location.SpeedAccuracy, m.Location.TimestampAccuracy, m.Location.RawTimestamp],
        RemoteIdMessageType.System => [(int)m.System.OperatorLocationType, (int)m.System.ClassificationType, m.System.RawOperatorLatitude, m.System.RawOperatorLongitude,
            m.System.AreaCount, m.System.RawAreaRadius, m.System.RawAreaCeiling, m.System.RawAreaFloor, (int)m.System.CategoryEu, (int)m.System.ClassEu,
            m.System.RawOperatorAltitudeGeo, m.System.TimestampSecondsSince2019],
        _ => [],
    };

    private static int I(JsonElement i, string name) => i.GetProperty(name).GetInt32();

    private static float F(JsonElement i, string name) => (float)i.GetProperty(name).GetDouble();

    private static byte[] Hex(JsonElement i, string name) => Convert.FromHexString(i.GetProperty(name).GetString()!);
}
