namespace Vigia.Alerting.Cap;

/// <summary>The outcome of <see cref="CapValidator"/>: every problem found, errors and warnings.</summary>
/// <param name="Issues">Problems in document order (schema problems first, then the specification's rules).</param>
public sealed record CapValidationResult(IReadOnlyList<CapValidationError> Issues)
{
    /// <summary>True when nothing of <see cref="CapIssueSeverity.Error"/> severity was found (warnings allowed).</summary>
    public bool IsValid => !Issues.Any(i => i.Severity == CapIssueSeverity.Error);

    /// <summary>The errors only.</summary>
    public IEnumerable<CapValidationError> Errors => Issues.Where(i => i.Severity == CapIssueSeverity.Error);

    /// <summary>One line per issue, for logs and test failures.</summary>
    public override string ToString() => Issues.Count == 0 ? "valid" : string.Join(Environment.NewLine, Issues);
}
