using System.Text;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Sensors.Tests.RemoteId;

/// <summary>Builders of decoded Remote ID messages for the assembler tests.</summary>
internal static class RemoteIdTestMessages
{
    public static SenderAddress Sender(byte last) => SenderAddress.FromDisplayOrder([0x84, 0xcc, 0xa8, 0x60, 0x43, last]);

    public static RemoteIdMessage BasicId(string serial) => RemoteIdMessage.FromBasicId(new BasicIdMessage
    {
        IdType = UasIdType.SerialNumber,
        UaType = UaType.HelicopterOrMultirotor,
        UasId = RemoteIdBytes20.From(Encoding.ASCII.GetBytes(serial)),
    });

    public static RemoteIdMessage Location(double latitude, double longitude, float altitude, float secondsAfterHour, byte horizontalAccuracy = 10, byte verticalAccuracy = 4) =>
        RemoteIdMessage.FromLocation(new LocationMessage
        {
            Status = OperationalStatus.Airborne,
            LatitudeDegrees = latitude,
            LongitudeDegrees = longitude,
            AltitudeGeoMeters = altitude,
            AltitudeBaroMeters = -1000,
            HeightMeters = -1000,
            DirectionDegrees = 90,
            SpeedHorizontalMetersPerSecond = 10,
            SpeedVerticalMetersPerSecond = 0,
            HorizontalAccuracy = horizontalAccuracy,
            VerticalAccuracy = verticalAccuracy,
            TimestampSecondsAfterHour = secondsAfterHour,
        });

    public static RemoteIdMessage SystemMessage(double operatorLatitude, double operatorLongitude) => RemoteIdMessage.FromSystem(new Vigia.Protocols.RemoteId.SystemMessage
    {
        OperatorLatitudeDegrees = operatorLatitude,
        OperatorLongitudeDegrees = operatorLongitude,
        OperatorAltitudeGeoMeters = 400,
        AreaCount = 1,
    });

    public static RemoteIdMessage AuthenticationPage(byte page) => RemoteIdMessage.FromAuthentication(new AuthenticationMessage
    {
        DataPage = page,
        AuthType = AuthenticationType.UasIdSignature,
        LastPageIndex = 0,
        Length = 17,
    });
}
