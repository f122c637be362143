using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>A message-specific rule (units, ranges, ICD version) run after the generic field checks.</summary>
/// <returns>True to go on; false when a violation stops a first-violation walk.</returns>
internal delegate bool MessageRule(IMessage message, ref ValidationWalk walk);

/// <summary>The checks for one message type: its fields, its mandatory oneofs and an optional extra rule.</summary>
/// <remarks>Plans form a graph (SubClass contains SubClass), so fields are filled after the plan object exists. Thread-safety: immutable once built.</remarks>
internal sealed class MessagePlan(MessageDescriptor descriptor)
{
    public MessageDescriptor Descriptor { get; } = descriptor;

    public FieldPlan[] Fields { get; set; } = [];

    public OneofDescriptor[] MandatoryOneofs { get; set; } = [];

    public MessageRule? Rule { get; set; }
}
