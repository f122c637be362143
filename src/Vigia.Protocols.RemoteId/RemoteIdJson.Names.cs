namespace Vigia.Protocols.RemoteId;

public static partial class RemoteIdJson
{
    // Stable reason-code names for the JSON output; kept by hand so that trimming cannot change them.
    private static readonly (RemoteIdAnomalies Flag, string Name)[] AnomalyNames =
    [
        (RemoteIdAnomalies.UnknownProtocolVersion, "UnknownProtocolVersion"),
        (RemoteIdAnomalies.ReservedBitsSet, "ReservedBitsSet"),
        (RemoteIdAnomalies.ReservedIdType, "ReservedIdType"),
        (RemoteIdAnomalies.ReservedStatus, "ReservedStatus"),
        (RemoteIdAnomalies.ReservedAccuracy, "ReservedAccuracy"),
        (RemoteIdAnomalies.DirectionOutOfRange, "DirectionOutOfRange"),
        (RemoteIdAnomalies.NonCanonicalEncoding, "NonCanonicalEncoding"),
        (RemoteIdAnomalies.SpeedVerticalOutOfRange, "SpeedVerticalOutOfRange"),
        (RemoteIdAnomalies.LatitudeOutOfRange, "LatitudeOutOfRange"),
        (RemoteIdAnomalies.LongitudeOutOfRange, "LongitudeOutOfRange"),
        (RemoteIdAnomalies.TimestampOutOfRange, "TimestampOutOfRange"),
        (RemoteIdAnomalies.ReservedAuthenticationType, "ReservedAuthenticationType"),
        (RemoteIdAnomalies.ReservedDescriptionType, "ReservedDescriptionType"),
        (RemoteIdAnomalies.ReservedOperatorLocationType, "ReservedOperatorLocationType"),
        (RemoteIdAnomalies.ReservedClassificationType, "ReservedClassificationType"),
        (RemoteIdAnomalies.ReservedEuCategory, "ReservedEuCategory"),
        (RemoteIdAnomalies.ReservedEuClass, "ReservedEuClass"),
        (RemoteIdAnomalies.ReservedOperatorIdType, "ReservedOperatorIdType"),
        (RemoteIdAnomalies.PackTrailingData, "PackTrailingData"),
        (RemoteIdAnomalies.PackMessageDropped, "PackMessageDropped"),
        (RemoteIdAnomalies.PackEntryOverwritten, "PackEntryOverwritten"),
    ];

    /// <summary>The stable name of an error code.</summary>
    public static string ErrorCodeName(RemoteIdErrorCode code) => code switch
    {
        RemoteIdErrorCode.None => "None",
        RemoteIdErrorCode.InvalidMessageLength => "InvalidMessageLength",
        RemoteIdErrorCode.UndefinedMessageType => "UndefinedMessageType",
        RemoteIdErrorCode.UnexpectedMessagePack => "UnexpectedMessagePack",
        RemoteIdErrorCode.AuthLastPageIndexOutOfRange => "AuthLastPageIndexOutOfRange",
        RemoteIdErrorCode.AuthLengthExceedsPages => "AuthLengthExceedsPages",
        RemoteIdErrorCode.PackHeaderTruncated => "PackHeaderTruncated",
        RemoteIdErrorCode.NotAMessagePack => "NotAMessagePack",
        RemoteIdErrorCode.PackSingleMessageSizeInvalid => "PackSingleMessageSizeInvalid",
        RemoteIdErrorCode.PackMessageCountOutOfRange => "PackMessageCountOutOfRange",
        RemoteIdErrorCode.PackTruncated => "PackTruncated",
        RemoteIdErrorCode.PackNestedMessagePack => "PackNestedMessagePack",
        RemoteIdErrorCode.PackUndefinedMessageType => "PackUndefinedMessageType",
        RemoteIdErrorCode.PackDuplicateMessage => "PackDuplicateMessage",
        RemoteIdErrorCode.PackTooManyBasicIds => "PackTooManyBasicIds",
        RemoteIdErrorCode.ValueOutOfRange => "ValueOutOfRange",
        RemoteIdErrorCode.DestinationTooSmall => "DestinationTooSmall",
        RemoteIdErrorCode.InvalidMessageType => "InvalidMessageType",
        _ => "Unknown",
    };
}
