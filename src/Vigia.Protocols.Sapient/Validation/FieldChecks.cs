namespace Vigia.Protocols.Sapient.Validation;

/// <summary>What the validator checks on one field, from its <c>field_options</c> and the harness's extra rules.</summary>
[Flags]
internal enum FieldChecks
{
    None = 0,

    /// <summary>Must be present: non-empty repeated, non-blank string, set and not UNSPECIFIED enum, present scalar or message.</summary>
    Mandatory = 1,

    /// <summary>A non-empty value must be a UUID.</summary>
    Uuid = 2,

    /// <summary>A non-empty value must be a ULID.</summary>
    Ulid = 4,

    /// <summary>An enumeration value must be defined.</summary>
    EnumValue = 8,

    /// <summary>A google.protobuf.Timestamp that must be in range.</summary>
    Timestamp = 16,

    /// <summary>A SAPIENT message to validate recursively.</summary>
    Message = 32,
}
