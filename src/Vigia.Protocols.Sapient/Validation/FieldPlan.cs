using Google.Protobuf.Reflection;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>One field the validator visits, with its accessor and checks resolved once.</summary>
/// <remarks>Thread-safety: immutable after the plan is built.</remarks>
internal sealed class FieldPlan(FieldDescriptor field, FieldChecks checks, MessagePlan? child)
{
    public FieldDescriptor Field { get; } = field;

    public IFieldAccessor Accessor { get; } = field.Accessor;

    public string Name { get; } = field.Name;

    public FieldType Type { get; } = field.FieldType;

    public bool IsRepeated { get; } = field.IsRepeated;

    public bool HasPresence { get; } = field.HasPresence;

    public EnumDescriptor? Enum { get; } = field.FieldType == FieldType.Enum ? field.EnumType : null;

    public FieldChecks Checks { get; } = checks;

    /// <summary>The nested message's plan when <see cref="FieldChecks.Message"/> is set.</summary>
    public MessagePlan? Child { get; } = child;

    public bool Has(FieldChecks check) => (Checks & check) != 0;
}
