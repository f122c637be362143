using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using SapientMsg;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// Builds, once, the validation plan of every message type reachable from <see cref="SapientMessage"/>: the
/// .proto files' own <c>field_options</c>/<c>oneof_options</c> (<c>is_mandatory</c>, <c>is_uuid</c>, <c>is_ulid</c>)
/// as the Apex middleware reads them, plus the few rules the Dstl test-harness validator adds on top.
/// </summary>
internal static class ValidationPlans
{
    private const string Package = "sapient_msg.bsi_flex_335_v2_0.";

    /// <summary>
    /// Rules the Dstl harness enforces that the .proto options do not state (its invalid examples 0074, 0096,
    /// 0129, 0170, 0171, 0178 and 0189 rely on them).
    /// </summary>
    private static readonly Dictionary<string, FieldChecks> ExtraFieldChecks = new(StringComparer.Ordinal)
    {
        [Package + "Registration.TaskDefinition.concurrent_tasks"] = FieldChecks.Mandatory,
        [Package + "Registration.dependent_nodes"] = FieldChecks.Uuid,
        [Package + "DetectionReport.DerivedDetection.timestamp"] = FieldChecks.Mandatory,
        [Package + "Error.error_message"] = FieldChecks.Mandatory,
        [Package + "FollowObject.follow_object_id"] = FieldChecks.Ulid,
    };

    /// <summary>Choices the harness requires that the .proto options leave optional (its invalid example 0118).</summary>
    private static readonly HashSet<string> ExtraMandatoryOneofs = new(StringComparer.Ordinal)
    {
        Package + "DetectionReport.PredictedLocation.predicted_location_oneof",
    };

    /// <summary>The plan of <see cref="SapientMessage"/>, the root of every frame.</summary>
    public static MessagePlan Root { get; } = Build();

    private static MessagePlan Build()
    {
        var plans = new Dictionary<MessageDescriptor, MessagePlan>();
        return PlanFor(SapientMessage.Descriptor, plans);
    }

    private static MessagePlan PlanFor(MessageDescriptor descriptor, Dictionary<MessageDescriptor, MessagePlan> plans)
    {
        if (plans.TryGetValue(descriptor, out var existing))
        {
            return existing;
        }

        var plan = new MessagePlan(descriptor);
        plans.Add(descriptor, plan);
        // One step per checked field outside oneofs and per oneof, in field-number order (a oneof sits at its
        // first member), so violations come out in the order of the message's fields.
        var steps = new List<(int Number, PlanStep Step)>();
        foreach (var field in descriptor.Fields.InFieldNumberOrder().Where(f => f.RealContainingOneof is null))
        {
            if (PlanField(field, plans) is { } fieldPlan)
            {
                steps.Add((field.FieldNumber, new PlanStep(fieldPlan, null)));
            }
        }

        foreach (var oneof in descriptor.Oneofs.Where(o => !o.IsSynthetic))
        {
            FieldPlan[] members = [.. oneof.Fields.Select(f => PlanField(f, plans)).OfType<FieldPlan>()];
            var mandatory = IsMandatory(oneof);
            if (mandatory || members.Length > 0)
            {
                steps.Add((oneof.Fields.Min(f => f.FieldNumber), new PlanStep(null, new OneofPlan(oneof, mandatory, members))));
            }
        }

        plan.Steps = [.. steps.OrderBy(s => s.Number).Select(s => s.Step)];
        plan.Rule = SapientMessageRules.For(descriptor.FullName);
        return plan;
    }

    private static FieldPlan? PlanField(FieldDescriptor field, Dictionary<MessageDescriptor, MessagePlan> plans)
    {
        var checks = ChecksOf(field);
        MessagePlan? child = null;
        if (field.FieldType == FieldType.Message)
        {
            if (field.MessageType.FullName == Timestamp.Descriptor.FullName)
            {
                checks |= FieldChecks.Timestamp;
            }
            else if (field.MessageType.FullName.StartsWith(Package, StringComparison.Ordinal))
            {
                checks |= FieldChecks.Message;
                child = PlanFor(field.MessageType, plans);
            }
        }

        return checks == FieldChecks.None ? null : new FieldPlan(field, checks, child);
    }

    private static FieldChecks ChecksOf(FieldDescriptor field)
    {
        var checks = FieldChecks.None;
        var options = field.GetOptions()?.GetExtension(ProtoOptionsExtensions.FieldOptions_);
        if (options is not null)
        {
            checks |= options.IsMandatory ? FieldChecks.Mandatory : FieldChecks.None;
            checks |= options.IsUuid ? FieldChecks.Uuid : FieldChecks.None;
            checks |= options.IsUlid ? FieldChecks.Ulid : FieldChecks.None;
        }

        if (field.FieldType == FieldType.Enum)
        {
            checks |= FieldChecks.EnumValue;
        }

        return checks | ExtraFieldChecks.GetValueOrDefault(field.FullName);
    }

    private static bool IsMandatory(OneofDescriptor oneof) =>
        oneof.GetOptions()?.GetExtension(ProtoOptionsExtensions.OneofOptions_)?.IsMandatory == true || ExtraMandatoryOneofs.Contains(oneof.FullName);
}
