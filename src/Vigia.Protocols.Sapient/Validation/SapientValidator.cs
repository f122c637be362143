using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// Semantic validation of a decoded <see cref="SapientMessage"/> in the spirit of the Dstl BSI Flex 335 v2.0
/// test-harness validator: mandatory fields and choices per message type (from the .proto files' own
/// <c>is_mandatory</c> options), UUID node IDs and ULID report/object IDs, defined enumeration values, timestamps
/// in range, the ICD version, and units that agree with each other and with the values they qualify. Each
/// violation names the field path and the reason.
/// </summary>
/// <remarks>
/// Registration-before-other-messages is a property of a conversation, not of one message: see
/// <see cref="SapientConversation"/>. A valid message costs no allocation beyond boxed enumeration values.
/// Thread-safety: stateless; messages must not change while they are validated.
/// </remarks>
public static class SapientValidator
{
    private const string Mandatory = "is mandatory";
    private const string MandatoryList = "is mandatory (at least one element)";
    private const string Unspecified = "is mandatory and may not be UNSPECIFIED";
    private const string TooDeep = "messages nested deeper than the protobuf recursion limit";

    /// <summary>Validates; false with the first violation found.</summary>
    public static bool TryValidate(SapientMessage message, out SapientViolation violation)
    {
        ArgumentNullException.ThrowIfNull(message);
        var walk = new ValidationWalk(null);
        WalkMessage(message, ValidationPlans.Root, ref walk);
        violation = walk.First;
        return !violation.IsViolation;
    }

    /// <summary>Every violation in the message (empty if valid); for tools, tests and error replies.</summary>
    public static IReadOnlyList<SapientViolation> ValidateAll(SapientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var all = new List<SapientViolation>();
        var walk = new ValidationWalk(all);
        WalkMessage(message, ValidationPlans.Root, ref walk);
        return all;
    }

    private static bool WalkMessage(IMessage message, MessagePlan plan, ref ValidationWalk walk)
    {
        foreach (var step in plan.Steps)
        {
            var ok = step.Field is { } field
                ? (field.IsRepeated ? WalkRepeated(message, field, ref walk) : WalkSingular(message, field, ref walk))
                : WalkOneof(message, step.Oneof!, ref walk);
            if (!ok)
            {
                return false;
            }
        }

        return plan.Rule is null || plan.Rule(message, ref walk);
    }

    /// <summary>Asks the oneof which member is set (one call), then checks that member only.</summary>
    private static bool WalkOneof(IMessage message, OneofPlan oneof, ref ValidationWalk walk)
    {
        var set = oneof.Accessor.GetCaseFieldDescriptor(message);
        if (set is null)
        {
            return !oneof.Mandatory || walk.Fail(SapientRule.MissingChoice, oneof.Name, "one of its members is mandatory");
        }

        return oneof.Member(set.FieldNumber) is not { } member || WalkSingular(message, member, ref walk);
    }

    private static bool WalkRepeated(IMessage message, FieldPlan field, ref ValidationWalk walk)
    {
        var list = (IList)field.Accessor.GetValue(message);
        if (list.Count == 0)
        {
            return !field.Has(FieldChecks.Mandatory) || walk.Fail(SapientRule.MissingField, field.Name, MandatoryList);
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!walk.TryPush(field.Name, i))
            {
                return walk.Fail(SapientRule.NestingTooDeep, null, TooDeep);
            }

            var ok = CheckValue(list[i], field, ref walk);
            walk.Pop();
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool WalkSingular(IMessage message, FieldPlan field, ref ValidationWalk walk)
    {
        // Messages read null, and strings, bytes and enumerations their empty value, when absent, which the checks
        // below treat as absent: only other scalars need the (slower) presence accessor.
        if (field.Type is not (FieldType.Message or FieldType.String or FieldType.Bytes or FieldType.Enum))
        {
            return !field.Has(FieldChecks.Mandatory) || !field.HasPresence || field.Accessor.HasValue(message)
                || walk.Fail(SapientRule.MissingField, field.Name, Mandatory);
        }

        var value = field.Accessor.GetValue(message);
        if (field.Has(FieldChecks.Mandatory) && IsEmpty(value, field))
        {
            return walk.Fail(SapientRule.MissingField, field.Name, field.Type == FieldType.Enum ? Unspecified : Mandatory);
        }

        if (field.Type is FieldType.Message or FieldType.Enum or FieldType.String && !walk.TryPush(field.Name, -1))
        {
            return walk.Fail(SapientRule.NestingTooDeep, null, TooDeep);
        }

        var ok = CheckValue(value, field, ref walk);
        if (field.Type is FieldType.Message or FieldType.Enum or FieldType.String)
        {
            walk.Pop();
        }

        return ok;
    }

    /// <summary>Checks one value (a singular field's or one element of a repeated field); the path already names it.</summary>
    private static bool CheckValue(object? value, FieldPlan field, ref ValidationWalk walk)
    {
        switch (value)
        {
            case Timestamp timestamp when field.Has(FieldChecks.Timestamp):
                return IsValidTimestamp(timestamp) || walk.Fail(SapientRule.InvalidTimestamp, null, "outside 0001-01-01..9999-12-31 or nanoseconds outside 0..999999999");
            case IMessage nested when field.Child is not null:
                return WalkMessage(nested, field.Child, ref walk);
            case string text when text.Length > 0:
                if (field.Has(FieldChecks.Uuid) && !SapientIds.IsUuid(text))
                {
                    return walk.Fail(SapientRule.InvalidUuid, null, "is not a UUID (8-4-4-4-12 hexadecimal digits)");
                }

                return !field.Has(FieldChecks.Ulid) || SapientIds.IsUlid(text) || walk.Fail(SapientRule.InvalidUlid, null, "is not a ULID (26 Crockford base-32 characters)");
            case System.Enum when field.Enum is not null:
                return field.Enum.FindValueByNumber((int)value) is not null || walk.Fail(SapientRule.UnknownEnumValue, null, "is not a value the v2.0 .proto files define");
            default:
                return true;
        }
    }

    private static bool IsEmpty(object? value, FieldPlan field) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        ByteString bytes => bytes.IsEmpty,
        System.Enum => field.Type == FieldType.Enum && (int)value == 0,
        _ => false,
    };

    private static bool IsValidTimestamp(Timestamp timestamp) =>
        timestamp.Seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds && timestamp.Nanos is >= 0 and <= 999_999_999;

    // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (the protobuf Timestamp range).
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;
}
