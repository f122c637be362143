using System.Globalization;

namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// One broken rule: which rule, the field path (protobuf field names, e.g.
/// <c>detection_report.classification[0].sub_class[0].level</c>) and the reason in words.
/// </summary>
/// <remarks>Thread-safety: an immutable value.</remarks>
/// <param name="Rule">The rule.</param>
/// <param name="Field">Path of the field at fault, from the SapientMessage root.</param>
/// <param name="Reason">Why, in words (a static text).</param>
public readonly record struct SapientViolation(SapientRule Rule, string Field, string Reason)
{
    /// <summary>True when this is a real violation (not the default value).</summary>
    public bool IsViolation => Rule != SapientRule.None;

    /// <summary>A one-line description, e.g. <c>MissingField at detection_report.object_id: is mandatory</c>.</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Rule} at {Field}: {Reason}");

    /// <inheritdoc />
    public override string ToString() => Message;
}
