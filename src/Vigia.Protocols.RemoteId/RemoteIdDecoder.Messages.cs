using System.Buffers.Binary;

namespace Vigia.Protocols.RemoteId;

public static partial class RemoteIdDecoder
{
    // Encodings of ASTM F3411-22a §5.4.5 Tables 6 and 11, as the reference decodes them.
    private const float SpeedStep = 0.25f;
    private const float SpeedStepHigh = 0.75f;
    private const float SpeedHighOffset = 255 * SpeedStep;
    private const float VerticalSpeedStep = 0.5f;
    private const double LatLonScale = 1e7;
    private const float AltitudeStep = 2f;
    private const float AltitudeOffset = 1000f;
    private const ushort UnknownTimestamp = 0xFFFF;
    private const int MaxTimestampTenths = 36000;
    private const int AreaRadiusStep = 10;

    private static RemoteIdMessage DecodeBasicId(ReadOnlySpan<byte> b)
    {
        var idType = (UasIdType)(b[1] >> 4);
        var raw = RemoteIdBytes20.From(b.Slice(2, RemoteIdBytes20.Length));
        var id = default(RemoteIdBytes20);
        if (idType is UasIdType.SerialNumber or UasIdType.CaaRegistrationId)
        {
            FixedText.CopyFill(raw, id);
        }
        else
        {
            id = raw;
        }

        var reserved = b[22] | (b[23] << 8) | (b[24] << 16);
        var anomalies = HeaderAnomalies(b[0]);
        if (idType > UasIdType.SpecificSessionId)
        {
            anomalies |= RemoteIdAnomalies.ReservedIdType;
        }

        if (reserved != 0)
        {
            anomalies |= RemoteIdAnomalies.ReservedBitsSet;
        }

        return new RemoteIdMessage
        {
            MessageType = RemoteIdMessageType.BasicId,
            ProtocolVersion = (byte)(b[0] & 0x0F),
            Anomalies = anomalies,
            BasicId = new BasicIdMessage { IdType = idType, UaType = (UaType)(b[1] & 0x0F), UasId = id, RawUasId = raw, RawReserved = reserved },
        };
    }

    private static RemoteIdMessage DecodeLocation(ReadOnlySpan<byte> b)
    {
        var flags = b[1];
        var eastWest = (flags & 0x02) != 0;
        var multiplier = (flags & 0x01) != 0;
        var rawDirection = b[2];
        var rawSpeed = b[3];
        var rawVertical = (sbyte)b[4];
        var rawTimestamp = BinaryPrimitives.ReadUInt16LittleEndian(b[21..]);
        var location = new LocationMessage
        {
            Status = (OperationalStatus)(flags >> 4),
            RawReserved = (byte)((flags >> 3) & 1),
            HeightType = (HeightReference)((flags >> 2) & 1),
            EastWestDirection = eastWest,
            SpeedMultiplier = multiplier,
            RawDirection = rawDirection,
            DirectionDegrees = eastWest ? rawDirection + 180f : rawDirection,
            RawSpeedHorizontal = rawSpeed,
            SpeedHorizontalMetersPerSecond = multiplier ? (rawSpeed * SpeedStepHigh) + SpeedHighOffset : rawSpeed * SpeedStep,
            RawSpeedVertical = rawVertical,
            SpeedVerticalMetersPerSecond = rawVertical * VerticalSpeedStep,
            RawLatitude = BinaryPrimitives.ReadInt32LittleEndian(b[5..]),
            RawLongitude = BinaryPrimitives.ReadInt32LittleEndian(b[9..]),
            RawAltitudeBaro = BinaryPrimitives.ReadUInt16LittleEndian(b[13..]),
            RawAltitudeGeo = BinaryPrimitives.ReadUInt16LittleEndian(b[15..]),
            RawHeight = BinaryPrimitives.ReadUInt16LittleEndian(b[17..]),
            VerticalAccuracy = (byte)(b[19] >> 4),
            HorizontalAccuracy = (byte)(b[19] & 0x0F),
            BarometricAccuracy = (byte)(b[20] >> 4),
            SpeedAccuracy = (byte)(b[20] & 0x0F),
            RawTimestamp = rawTimestamp,
            TimestampSecondsAfterHour = rawTimestamp == UnknownTimestamp ? UnknownTimestamp : rawTimestamp / 10f,
            RawReserved2 = (byte)(b[23] >> 4),
            TimestampAccuracy = (byte)(b[23] & 0x0F),
            RawReserved3 = b[24],
        };
        location = location with
        {
            LatitudeDegrees = location.RawLatitude / LatLonScale,
            LongitudeDegrees = location.RawLongitude / LatLonScale,
            AltitudeBaroMeters = DecodeAltitude(location.RawAltitudeBaro),
            AltitudeGeoMeters = DecodeAltitude(location.RawAltitudeGeo),
            HeightMeters = DecodeAltitude(location.RawHeight),
        };
        return new RemoteIdMessage
        {
            MessageType = RemoteIdMessageType.Location,
            ProtocolVersion = (byte)(b[0] & 0x0F),
            Anomalies = HeaderAnomalies(b[0]) | LocationAnomalies(location),
            Location = location,
        };
    }

    private static RemoteIdAnomalies LocationAnomalies(in LocationMessage l)
    {
        var a = RemoteIdAnomalies.None;
        if (l.Status > OperationalStatus.RemoteIdSystemFailure)
        {
            a |= RemoteIdAnomalies.ReservedStatus;
        }

        if ((l.RawReserved | l.RawReserved2 | l.RawReserved3) != 0)
        {
            a |= RemoteIdAnomalies.ReservedBitsSet;
        }

        // Table 8 defines horizontal 0..12, vertical and baro 0..6, speed 0..4.
        if (l.HorizontalAccuracy > 12 || l.VerticalAccuracy > 6 || l.BarometricAccuracy > 6 || l.SpeedAccuracy > 4)
        {
            a |= RemoteIdAnomalies.ReservedAccuracy;
        }

        if ((!l.EastWestDirection && l.RawDirection >= 180) || (!l.SpeedMultiplier && l.RawSpeedHorizontal == byte.MaxValue))
        {
            a |= RemoteIdAnomalies.NonCanonicalEncoding;
        }

        if (l.DirectionDegrees >= 360f && l.DirectionDegrees != 361f)
        {
            a |= RemoteIdAnomalies.DirectionOutOfRange;
        }

        // −62 m/s is raw −124; 62 m/s raw 124; raw 126 is the 63 m/s "unknown".
        if (l.RawSpeedVertical < -124 || l.RawSpeedVertical == 125 || l.RawSpeedVertical == 127)
        {
            a |= RemoteIdAnomalies.SpeedVerticalOutOfRange;
        }

        a |= PositionAnomalies(l.LatitudeDegrees, l.LongitudeDegrees);
        if (l.RawTimestamp > MaxTimestampTenths && l.RawTimestamp != UnknownTimestamp)
        {
            a |= RemoteIdAnomalies.TimestampOutOfRange;
        }

        return a;
    }

    private static RemoteIdAnomalies PositionAnomalies(double latitude, double longitude)
    {
        var a = RemoteIdAnomalies.None;
        if (Math.Abs(latitude) > 90)
        {
            a |= RemoteIdAnomalies.LatitudeOutOfRange;
        }

        if (Math.Abs(longitude) > 180)
        {
            a |= RemoteIdAnomalies.LongitudeOutOfRange;
        }

        return a;
    }

    private static float DecodeAltitude(ushort raw) => (raw / AltitudeStep) - AltitudeOffset;

    private static DecodeStatus TryDecodeAuthentication(ReadOnlySpan<byte> b, out RemoteIdMessage message, out DecodeError error)
    {
        var page = (byte)(b[1] & 0x0F);
        var authType = (AuthenticationType)(b[1] >> 4);
        AuthenticationMessage auth;
        if (page == 0)
        {
            var lastPage = b[2];
            if (lastPage >= AuthenticationMessage.MaxPages)
            {
                message = default;
                error = new DecodeError(RemoteIdErrorCode.AuthLastPageIndexOutOfRange, 2, "LastPageIndex", AuthenticationMessage.MaxPages - 1, lastPage);
                return DecodeStatus.InvalidData;
            }

            var capacity = AuthenticationMessage.PageZeroDataSize + (lastPage * AuthenticationMessage.PageDataSize);
            if (b[3] > capacity)
            {
                message = default;
                error = new DecodeError(RemoteIdErrorCode.AuthLengthExceedsPages, 3, "Length", capacity, b[3]);
                return DecodeStatus.InvalidData;
            }

            auth = new AuthenticationMessage
            {
                AuthType = authType,
                LastPageIndex = lastPage,
                Length = b[3],
                TimestampSecondsSince2019 = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]),
                AuthData = RemoteIdBytes23.From(b.Slice(8, AuthenticationMessage.PageZeroDataSize)),
            };
        }
        else
        {
            auth = new AuthenticationMessage
            {
                DataPage = page,
                AuthType = authType,
                AuthData = RemoteIdBytes23.From(b.Slice(2, AuthenticationMessage.PageDataSize)),
            };
        }

        var anomalies = HeaderAnomalies(b[0]);
        if (authType is > AuthenticationType.SpecificAuthenticationMethod and < (AuthenticationType)0x0A)
        {
            anomalies |= RemoteIdAnomalies.ReservedAuthenticationType;
        }

        message = new RemoteIdMessage
        {
            MessageType = RemoteIdMessageType.Authentication,
            ProtocolVersion = (byte)(b[0] & 0x0F),
            Anomalies = anomalies,
            Authentication = auth,
        };
        error = default;
        return DecodeStatus.Done;
    }

    private static RemoteIdMessage DecodeSelfId(ReadOnlySpan<byte> b)
    {
        var raw = RemoteIdBytes23.From(b.Slice(2, RemoteIdBytes23.Length));
        var text = default(RemoteIdBytes23);
        FixedText.CopyFill(raw, text);
        var descType = (SelfIdDescriptionType)b[1];
        var anomalies = HeaderAnomalies(b[0]);
        if (descType is > SelfIdDescriptionType.ExtendedStatus and <= (SelfIdDescriptionType)200)
        {
            anomalies |= RemoteIdAnomalies.ReservedDescriptionType;
        }

        return new RemoteIdMessage
        {
            MessageType = RemoteIdMessageType.SelfId,
            ProtocolVersion = (byte)(b[0] & 0x0F),
            Anomalies = anomalies,
            SelfId = new SelfIdMessage { DescriptionType = descType, Description = text, RawDescription = raw },
        };
    }

    private static RemoteIdMessage DecodeSystem(ReadOnlySpan<byte> b)
    {
        var flags = b[1];
        var system = new SystemMessage
        {
            RawReserved = (byte)(flags >> 5),
            ClassificationType = (ClassificationType)((flags >> 2) & 0x07),
            OperatorLocationType = (OperatorLocationType)(flags & 0x03),
            RawOperatorLatitude = BinaryPrimitives.ReadInt32LittleEndian(b[2..]),
            RawOperatorLongitude = BinaryPrimitives.ReadInt32LittleEndian(b[6..]),
            AreaCount = BinaryPrimitives.ReadUInt16LittleEndian(b[10..]),
            RawAreaRadius = b[12],
            AreaRadiusMeters = (ushort)(b[12] * AreaRadiusStep),
            RawAreaCeiling = BinaryPrimitives.ReadUInt16LittleEndian(b[13..]),
            RawAreaFloor = BinaryPrimitives.ReadUInt16LittleEndian(b[15..]),
            CategoryEu = (EuCategory)(b[17] >> 4),
            ClassEu = (EuClass)(b[17] & 0x0F),
            RawOperatorAltitudeGeo = BinaryPrimitives.ReadUInt16LittleEndian(b[18..]),
            TimestampSecondsSince2019 = BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
            RawReserved2 = b[24],
        };
        system = system with
        {
            OperatorLatitudeDegrees = system.RawOperatorLatitude / LatLonScale,
            OperatorLongitudeDegrees = system.RawOperatorLongitude / LatLonScale,
            AreaCeilingMeters = DecodeAltitude(system.RawAreaCeiling),
            AreaFloorMeters = DecodeAltitude(system.RawAreaFloor),
            OperatorAltitudeGeoMeters = DecodeAltitude(system.RawOperatorAltitudeGeo),
        };
        return new RemoteIdMessage
        {
            MessageType = RemoteIdMessageType.System,
            ProtocolVersion = (byte)(b[0] & 0x0F),
            Anomalies = HeaderAnomalies(b[0]) | SystemAnomalies(system),
            System = system,
        };
    }

    private static RemoteIdAnomalies SystemAnomalies(in SystemMessage s)
    {
        var a = PositionAnomalies(s.OperatorLatitudeDegrees, s.OperatorLongitudeDegrees);
        if ((s.RawReserved | s.RawReserved2) != 0)
        {
            a |= RemoteIdAnomalies.ReservedBitsSet;
        }

        if (s.OperatorLocationType > OperatorLocationType.Fixed)
        {
            a |= RemoteIdAnomalies.ReservedOperatorLocationType;
        }

        if (s.ClassificationType > ClassificationType.EuropeanUnion)
        {
            a |= RemoteIdAnomalies.ReservedClassificationType;
        }

        if (s.CategoryEu > EuCategory.Certified)
        {
            a |= RemoteIdAnomalies.ReservedEuCategory;
        }

        if (s.ClassEu > EuClass.Class6)
        {
            a |= RemoteIdAnomalies.ReservedEuClass;
        }

        return a;
    }

    private static RemoteIdMessage DecodeOperatorId(ReadOnlySpan<byte> b)
    {
        var raw = RemoteIdBytes20.From(b.Slice(2, RemoteIdBytes20.Length));
        var id = default(RemoteIdBytes20);
        FixedText.CopyFill(raw, id);
        var reserved = b[22] | (b[23] << 8) | (b[24] << 16);
        var anomalies = HeaderAnomalies(b[0]);
        if (b[1] is >= 1 and <= 200)
        {
            anomalies |= RemoteIdAnomalies.ReservedOperatorIdType;
        }

        if (reserved != 0)
        {
            anomalies |= RemoteIdAnomalies.ReservedBitsSet;
        }

        return new RemoteIdMessage
        {
            MessageType = RemoteIdMessageType.OperatorId,
            ProtocolVersion = (byte)(b[0] & 0x0F),
            Anomalies = anomalies,
            OperatorId = new OperatorIdMessage { OperatorIdType = b[1], OperatorId = id, RawOperatorId = raw, RawReserved = reserved },
        };
    }
}
