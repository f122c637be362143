using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>A message-specific rule (units, ranges, ICD version) run after the generic field checks.</summary>
/// <returns>True to go on; false when a violation stops a first-violation walk.</returns>
internal delegate bool MessageRule(IMessage message, ref ValidationWalk walk);

/// <summary>One step of a message's checks: a field outside any oneof, or a oneof.</summary>
internal readonly record struct PlanStep(FieldPlan? Field, OneofPlan? Oneof);

/// <summary>The checks for one message type: its fields outside oneofs, its oneofs and an optional extra rule.</summary>
/// <remarks>Plans form a graph (SubClass contains SubClass), so fields are filled after the plan object exists. Thread-safety: immutable once built.</remarks>
internal sealed class MessagePlan(MessageDescriptor descriptor)
{
    public MessageDescriptor Descriptor { get; } = descriptor;

    /// <summary>Checked fields outside oneofs, and oneofs that are mandatory or have checked members, in field order.</summary>
    public PlanStep[] Steps { get; set; } = [];

    public MessageRule? Rule { get; set; }
}
