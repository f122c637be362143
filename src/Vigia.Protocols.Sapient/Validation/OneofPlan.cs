using Google.Protobuf.Reflection;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// A real oneof: whether one member is mandatory, and the members that need checks. The walk asks the oneof which
/// member is set (one accessor call) instead of asking every member.
/// </summary>
/// <remarks>Thread-safety: immutable once built.</remarks>
internal sealed class OneofPlan(OneofDescriptor oneof, bool mandatory, FieldPlan[] members)
{
    public OneofDescriptor Oneof { get; } = oneof;

    public OneofAccessor Accessor { get; } = oneof.Accessor;

    public string Name { get; } = oneof.Name;

    public bool Mandatory { get; } = mandatory;

    /// <summary>Members with checks (a few at most, searched by field number).</summary>
    public FieldPlan[] Members { get; } = members;

    public FieldPlan? Member(int fieldNumber)
    {
        foreach (var member in Members)
        {
            if (member.Field.FieldNumber == fieldNumber)
            {
                return member;
            }
        }

        return null;
    }
}
