using System.Buffers.Binary;

namespace Vigia.Protocols.Adsb;

/// <summary>DF17/18 extended squitter: the 56-bit ME field by type code (DO-260B §2.2.3.2).</summary>
public static partial class ModeSDecoder
{
    private const int MeOffset = 4;
    private const int MeBits = 56;

    private static DecodeStatus DecodeExtendedSquitter(ReadOnlySpan<byte> reply, int df, byte control, ParityCheck parity, out ModeSMessage message, out DecodeError error)
    {
        message = default;
        error = default;
        var syndrome = ModeSCrc.Syndrome(reply);
        if (parity == ParityCheck.Verify && syndrome != 0)
        {
            error = new DecodeError(AdsbErrorCode.CrcMismatch, LongLength - ModeSCrc.ParityLength, "PI", 0, syndrome);
            return DecodeStatus.InvalidData;
        }

        var qualifier = df == 17 ? AddressQualifier.Icao : control switch
        {
            0 => AddressQualifier.Icao,
            1 or 5 => AddressQualifier.NonIcao,
            2 => AddressQualifier.TisB,
            6 => AddressQualifier.AdsR,
            _ => AddressQualifier.None,
        };

        var me = BinaryPrimitives.ReadUInt64BigEndian(reply[MeOffset..]) >> 8;
        var typeCode = (byte)Field(me, 1, 5);
        message = new ModeSMessage
        {
            DownlinkFormat = (DownlinkFormat)df,
            Capability = control,
            Address = new IcaoAddress(BinaryPrimitives.ReadUInt32BigEndian(reply) & IcaoAddress.MaxValue),
            AddressQualifier = qualifier,
            TypeCode = typeCode,
        };

        if (qualifier == AddressQualifier.None)
        {
            error = new DecodeError(AdsbErrorCode.UnsupportedControlField, 0, "CF", -1, control);
            return DecodeStatus.Unsupported;
        }

        switch (typeCode)
        {
            case >= 1 and <= 4:
                message = message with { Kind = AdsbMessageKind.Identification, Identification = Identification(me, typeCode) };
                return DecodeStatus.Done;
            case >= 5 and <= 8:
                message = message with { Kind = AdsbMessageKind.SurfacePosition, SurfacePosition = Surface(me, typeCode) };
                return DecodeStatus.Done;
            case (>= 9 and <= 18) or (>= 20 and <= 22):
                message = message with { Kind = AdsbMessageKind.AirbornePosition, AirbornePosition = Airborne(me, typeCode) };
                return DecodeStatus.Done;
            case 19:
                return DecodeVelocity(me, ref message, out error);
            case 31:
                return DecodeOperationalStatus(me, ref message, out error);
            default:
                error = new DecodeError(AdsbErrorCode.UnsupportedTypeCode, MeOffset, "ME.TypeCode", -1, typeCode);
                return DecodeStatus.Unsupported;
        }
    }

    /// <summary>ME bits <paramref name="first"/>..first+length−1, numbered from 1 as in DO-260B.</summary>
    private static int Field(ulong me, int first, int length) =>
        (int)((me >> (MeBits - first - length + 1)) & ((1UL << length) - 1));

    private static bool Flag(ulong me, int bit) => Field(me, bit, 1) != 0;

    private static AircraftIdentification Identification(ulong me, byte typeCode) => new()
    {
        TypeCode = typeCode,
        Category = (byte)Field(me, 6, 3),
        Callsign = Callsign.FromSixBitCharacters(me & 0xFFFF_FFFF_FFFFUL),
    };

    private static AirbornePosition Airborne(ulong me, byte typeCode)
    {
        var rawAltitude = (ushort)Field(me, 9, 12);
        var gnss = typeCode >= 20;
        return new AirbornePosition
        {
            TypeCode = typeCode,
            SurveillanceStatus = (byte)Field(me, 6, 2),
            SingleAntennaFlag = Flag(me, 8),
            RawAltitude = rawAltitude,
            BarometricAltitudeFeet = gnss ? null : ModeSAltitude.DecodeAc12(rawAltitude),
            GnssHeightMeters = gnss && rawAltitude != 0 ? rawAltitude : null,
            UtcSynchronised = Flag(me, 21),
            Format = (CprFormat)Field(me, 22, 1),
            EncodedLatitude = Field(me, 23, 17),
            EncodedLongitude = Field(me, 40, 17),
        };
    }

    private static SurfacePosition Surface(ulong me, byte typeCode)
    {
        var movement = Field(me, 6, 7);
        return new SurfacePosition
        {
            TypeCode = typeCode,
            Movement = (byte)movement,
            GroundSpeedKnots = SurfacePosition.GroundSpeedOfMovement(movement),
            GroundTrackDegrees = Flag(me, 13) ? Field(me, 14, 7) * (360.0 / 128.0) : null,
            UtcSynchronised = Flag(me, 21),
            Format = (CprFormat)Field(me, 22, 1),
            EncodedLatitude = Field(me, 23, 17),
            EncodedLongitude = Field(me, 40, 17),
        };
    }

    private static DecodeStatus DecodeVelocity(ulong me, ref ModeSMessage message, out DecodeError error)
    {
        error = default;
        var subtype = (byte)Field(me, 6, 3);
        if (subtype is < 1 or > 4)
        {
            error = new DecodeError(AdsbErrorCode.UnsupportedSubtype, MeOffset, "ME.Subtype", -1, subtype);
            return DecodeStatus.Unsupported;
        }

        var scale = subtype is 2 or 4 ? 4 : 1;
        var velocity = new AirborneVelocity
        {
            Subtype = subtype,
            IntentChange = Flag(me, 9),
            IfrCapability = Flag(me, 10),
            NavigationAccuracyVelocity = (byte)Field(me, 11, 3),
            VerticalRateSource = (VerticalRateSource)Field(me, 36, 1),
            VerticalRateFeetPerMinute = Signed(Flag(me, 37), Field(me, 38, 9), 64),
            GnssMinusBarometricFeet = Signed(Flag(me, 49), Field(me, 50, 7), 25),
        };

        if (subtype <= 2)
        {
            velocity = velocity with
            {
                EastVelocityKnots = Signed(Flag(me, 14), Field(me, 15, 10), scale),
                NorthVelocityKnots = Signed(Flag(me, 25), Field(me, 26, 10), scale),
            };
        }
        else
        {
            var airspeed = Field(me, 26, 10);
            velocity = velocity with
            {
                MagneticHeadingDegrees = Flag(me, 14) ? Field(me, 15, 10) * (360.0 / 1024.0) : null,
                AirspeedType = (AirspeedType)Field(me, 25, 1),
                AirspeedKnots = airspeed == 0 ? null : (airspeed - 1) * scale,
            };
        }

        message = message with { Kind = AdsbMessageKind.AirborneVelocity, Velocity = velocity };
        return DecodeStatus.Done;
    }

    /// <summary>A sign-magnitude count where 0 means "no information" and n means (n − 1) steps.</summary>
    private static int? Signed(bool negative, int raw, int step)
    {
        if (raw == 0)
        {
            return null;
        }

        var value = (raw - 1) * step;
        return negative ? -value : value;
    }

    private static DecodeStatus DecodeOperationalStatus(ulong me, ref ModeSMessage message, out DecodeError error)
    {
        error = default;
        var subtype = (byte)Field(me, 6, 3);
        if (subtype > 1)
        {
            error = new DecodeError(AdsbErrorCode.UnsupportedSubtype, MeOffset, "ME.Subtype", -1, subtype);
            return DecodeStatus.Unsupported;
        }

        var version = (byte)Field(me, 41, 3);
        var status = version == 0
            ? new OperationalStatus { Subtype = subtype, Version = 0 }
            : new OperationalStatus
            {
                Subtype = subtype,
                Version = version,
                NicSupplementA = Flag(me, 44),
                NavigationAccuracyPosition = (byte)Field(me, 45, 4),
                SourceIntegrityLevel = (byte)Field(me, 51, 2),
            };
        message = message with { Kind = AdsbMessageKind.OperationalStatus, OperationalStatus = status };
        return DecodeStatus.Done;
    }
}
