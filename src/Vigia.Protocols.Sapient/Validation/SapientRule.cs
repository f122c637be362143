namespace Vigia.Protocols.Sapient.Validation;

/// <summary>Which rule a decoded SAPIENT message broke (the Dstl test-harness validator's and the Apex middleware's rules, plus unit consistency).</summary>
public enum SapientRule
{
    /// <summary>No violation.</summary>
    None = 0,

    /// <summary>A field the ICD marks mandatory (<c>is_mandatory</c>) is absent, empty, blank or UNSPECIFIED.</summary>
    MissingField,

    /// <summary>A mandatory choice (<c>oneof</c>) has no member set, e.g. a DetectionReport with neither location nor range_bearing.</summary>
    MissingChoice,

    /// <summary>A field marked <c>is_uuid</c> is not a UUID in its canonical 8-4-4-4-12 hexadecimal form.</summary>
    InvalidUuid,

    /// <summary>A field marked <c>is_ulid</c> (or an object ID the validator treats as one) is not a 26-character Crockford base-32 ULID.</summary>
    InvalidUlid,

    /// <summary>An enumeration carries a number the v2.0 .proto files do not define.</summary>
    UnknownEnumValue,

    /// <summary>A timestamp lies outside 0001-01-01..9999-12-31 or has nanoseconds outside 0..999,999,999.</summary>
    InvalidTimestamp,

    /// <summary>A Registration's icd_version is not BSI Flex 335 v2.0.</summary>
    UnsupportedIcdVersion,

    /// <summary>Units or datum contradict each other, e.g. location units with a range-bearing datum.</summary>
    InconsistentUnits,

    /// <summary>UTM units without the UTM zone they need.</summary>
    MissingUtmZone,

    /// <summary>A value lies outside the domain of its declared units (latitude beyond ±90°, a confidence outside 0..1, a negative range or error).</summary>
    ValueOutOfRange,

    /// <summary>A coordinate, range, angle or error is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>Messages nested deeper than the protobuf recursion limit.</summary>
    NestingTooDeep,

    /// <summary>Conversation: a node sent something other than a Registration before registering.</summary>
    NotRegistered,

    /// <summary>Conversation: a message carries a node_id other than the one the connection registered.</summary>
    NodeIdMismatch,
}
