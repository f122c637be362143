using System.Buffers.Binary;

namespace Vigia.Protocols.RemoteId;

public static partial class RemoteIdEncoder
{
    // Ranges the reference encoder accepts (opendroneid.h MIN_*/MAX_*/INV_* and F3411-22a Tables 6, 11).
    private const float MaxDirection = 361f;
    private const float MaxSpeedHorizontal = 255f;
    private const float SpeedLowLimit = 255 * 0.25f;
    private const float MinSpeedVertical = -62f;
    private const float MaxSpeedVertical = 63f;
    private const float MinAltitude = -1000f;
    private const float MaxAltitude = 31767.5f;
    private const float MaxTimestamp = 3600f;
    private const float UnknownTimestamp = 0xFFFF;
    private const int MaxAreaRadius = 2550;
    private const double LatLonScale = 1e7;
    private const float AltitudeOffsetMeters = 1000f;

    // Each Encode* returns null on success or the refused field's reference name.
    private static string? EncodeBasicId(in BasicIdMessage m, Span<byte> d)
    {
        if ((int)m.IdType > 0x0F)
        {
            return "IDType";
        }

        if ((int)m.UaType > 0x0F)
        {
            return "UAType";
        }

        d[1] = (byte)(((int)m.IdType << 4) | (int)m.UaType);
        var id = m.UasId;
        if (m.IdType is UasIdType.SerialNumber or UasIdType.CaaRegistrationId)
        {
            FixedText.CopyFill(id, d.Slice(2, RemoteIdBytes20.Length));
        }
        else
        {
            ((ReadOnlySpan<byte>)id).CopyTo(d[2..]);
        }

        d[22..].Clear();
        return null;
    }

    private static string? EncodeLocation(in LocationMessage m, Span<byte> d)
    {
        var refused = CheckLocation(m);
        if (refused is not null)
        {
            return refused;
        }

        // 360° is north again (the reference encodes 359.9° and 360° as 0); 361 stays "unknown".
        var direction = (int)MathF.Round(m.DirectionDegrees, MidpointRounding.AwayFromZero);
        if (direction == 360)
        {
            direction = 0;
        }

        var eastWest = direction >= 180;
        if (eastWest)
        {
            direction -= 180;
        }

        var speed = m.SpeedHorizontalMetersPerSecond;
        // As the reference: multiplier 0 up to and including 255 × 0.25 m/s (F3411-22a Table 6 would switch at it,
        // hence the decoder's NonCanonicalEncoding flag on 63.75 m/s with multiplier 0).
        var multiplier = speed > SpeedLowLimit;
        var rawSpeed = multiplier ? Round((speed - SpeedLowLimit) / 0.75) : Round(speed / 0.25);
        d[1] = (byte)(((int)m.Status << 4) | ((int)m.HeightType << 2) | (eastWest ? 2 : 0) | (multiplier ? 1 : 0));
        d[2] = (byte)Math.Min(direction, byte.MaxValue);
        d[3] = (byte)Math.Clamp(rawSpeed, 0, byte.MaxValue);
        d[4] = (byte)(sbyte)Math.Clamp(Round(m.SpeedVerticalMetersPerSecond / 0.5), sbyte.MinValue, sbyte.MaxValue);
        BinaryPrimitives.WriteInt32LittleEndian(d[5..], EncodeLatLon(m.LatitudeDegrees));
        BinaryPrimitives.WriteInt32LittleEndian(d[9..], EncodeLatLon(m.LongitudeDegrees));
        BinaryPrimitives.WriteUInt16LittleEndian(d[13..], EncodeAltitude(m.AltitudeBaroMeters));
        BinaryPrimitives.WriteUInt16LittleEndian(d[15..], EncodeAltitude(m.AltitudeGeoMeters));
        BinaryPrimitives.WriteUInt16LittleEndian(d[17..], EncodeAltitude(m.HeightMeters));
        d[19] = (byte)((m.VerticalAccuracy << 4) | m.HorizontalAccuracy);
        d[20] = (byte)((m.BarometricAccuracy << 4) | m.SpeedAccuracy);
        var timestamp = m.TimestampSecondsAfterHour == UnknownTimestamp ? ushort.MaxValue : (ushort)Round(m.TimestampSecondsAfterHour * 10.0);
        BinaryPrimitives.WriteUInt16LittleEndian(d[21..], timestamp);
        d[23] = m.TimestampAccuracy;
        d[24] = 0;
        return null;
    }

    private static string? CheckLocation(in LocationMessage m)
    {
        if ((int)m.Status > 0x0F)
        {
            return "Status";
        }

        if ((int)m.HeightType > 1)
        {
            return "HeightType";
        }

        if (m.HorizontalAccuracy > 0x0F || m.VerticalAccuracy > 0x0F || m.BarometricAccuracy > 0x0F || m.SpeedAccuracy > 0x0F || m.TimestampAccuracy > 0x0F)
        {
            return "Accuracy";
        }

        return !(m.DirectionDegrees >= 0 && m.DirectionDegrees <= MaxDirection) ? "Direction"
            : !(m.SpeedHorizontalMetersPerSecond >= 0 && m.SpeedHorizontalMetersPerSecond <= MaxSpeedHorizontal) ? "SpeedHorizontal"
            : !(m.SpeedVerticalMetersPerSecond >= MinSpeedVertical && m.SpeedVerticalMetersPerSecond <= MaxSpeedVertical) ? "SpeedVertical"
            : !(m.LatitudeDegrees >= -90 && m.LatitudeDegrees <= 90) ? "Latitude"
            : !(m.LongitudeDegrees >= -180 && m.LongitudeDegrees <= 180) ? "Longitude"
            : !IsAltitude(m.AltitudeBaroMeters) ? "AltitudeBaro"
            : !IsAltitude(m.AltitudeGeoMeters) ? "AltitudeGeo"
            : !IsAltitude(m.HeightMeters) ? "Height"
            : !(m.TimestampSecondsAfterHour >= 0 && (m.TimestampSecondsAfterHour <= MaxTimestamp || m.TimestampSecondsAfterHour == UnknownTimestamp)) ? "TimeStamp"
            : null;
    }

    private static string? EncodeAuthentication(in AuthenticationMessage m, Span<byte> d)
    {
        if (m.DataPage >= AuthenticationMessage.MaxPages)
        {
            return "DataPage";
        }

        if ((int)m.AuthType > 0x0F)
        {
            return "AuthType";
        }

        var data = m.AuthData;
        d[1] = (byte)(((int)m.AuthType << 4) | m.DataPage);
        if (m.DataPage != 0)
        {
            ((ReadOnlySpan<byte>)data).CopyTo(d[2..]);
            return null;
        }

        if (m.LastPageIndex >= AuthenticationMessage.MaxPages)
        {
            return "LastPageIndex";
        }

        if (m.Length > AuthenticationMessage.PageZeroDataSize + (m.LastPageIndex * AuthenticationMessage.PageDataSize))
        {
            return "Length";
        }

        d[2] = m.LastPageIndex;
        d[3] = m.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(d[4..], m.TimestampSecondsSince2019);
        ((ReadOnlySpan<byte>)data)[..AuthenticationMessage.PageZeroDataSize].CopyTo(d[8..]);
        return null;
    }

    private static string? EncodeSelfId(in SelfIdMessage m, Span<byte> d)
    {
        var text = m.Description;
        d[1] = (byte)m.DescriptionType;
        FixedText.CopyFill(text, d[2..]);
        return null;
    }

    private static string? EncodeSystem(in SystemMessage m, Span<byte> d)
    {
        var refused = (int)m.OperatorLocationType > 3 ? "OperatorLocationType"
            : (int)m.ClassificationType > 7 ? "ClassificationType"
            : (int)m.CategoryEu > 0x0F ? "CategoryEU"
            : (int)m.ClassEu > 0x0F ? "ClassEU"
            : !(m.OperatorLatitudeDegrees >= -90 && m.OperatorLatitudeDegrees <= 90) ? "OperatorLatitude"
            : !(m.OperatorLongitudeDegrees >= -180 && m.OperatorLongitudeDegrees <= 180) ? "OperatorLongitude"
            : m.AreaRadiusMeters > MaxAreaRadius ? "AreaRadius"
            : !IsAltitude(m.AreaCeilingMeters) ? "AreaCeiling"
            : !IsAltitude(m.AreaFloorMeters) ? "AreaFloor"
            : !IsAltitude(m.OperatorAltitudeGeoMeters) ? "OperatorAltitudeGeo"
            : null;
        if (refused is not null)
        {
            return refused;
        }

        d[1] = (byte)(((int)m.ClassificationType << 2) | (int)m.OperatorLocationType);
        BinaryPrimitives.WriteInt32LittleEndian(d[2..], EncodeLatLon(m.OperatorLatitudeDegrees));
        BinaryPrimitives.WriteInt32LittleEndian(d[6..], EncodeLatLon(m.OperatorLongitudeDegrees));
        BinaryPrimitives.WriteUInt16LittleEndian(d[10..], m.AreaCount);
        d[12] = (byte)(m.AreaRadiusMeters / 10);
        BinaryPrimitives.WriteUInt16LittleEndian(d[13..], EncodeAltitude(m.AreaCeilingMeters));
        BinaryPrimitives.WriteUInt16LittleEndian(d[15..], EncodeAltitude(m.AreaFloorMeters));
        d[17] = (byte)(((int)m.CategoryEu << 4) | (int)m.ClassEu);
        BinaryPrimitives.WriteUInt16LittleEndian(d[18..], EncodeAltitude(m.OperatorAltitudeGeoMeters));
        BinaryPrimitives.WriteUInt32LittleEndian(d[20..], m.TimestampSecondsSince2019);
        d[24] = 0;
        return null;
    }

    private static string? EncodeOperatorId(in OperatorIdMessage m, Span<byte> d)
    {
        var id = m.OperatorId;
        d[1] = m.OperatorIdType;
        FixedText.CopyFill(id, d.Slice(2, RemoteIdBytes20.Length));
        d[22..].Clear();
        return null;
    }

    private static bool IsAltitude(float meters) => meters >= MinAltitude && meters <= MaxAltitude;

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static int EncodeLatLon(double degrees) => (int)Math.Round(degrees * LatLonScale, MidpointRounding.AwayFromZero);

    private static ushort EncodeAltitude(float meters) => (ushort)Math.Clamp(Round((meters + (double)AltitudeOffsetMeters) * 2.0), 0, ushort.MaxValue);
}
