namespace Vigia.Alerting.Cap;

/// <summary>One problem found in a CAP document.</summary>
/// <param name="Code">What kind of problem.</param>
/// <param name="Severity">Error (breaks CAP) or warning.</param>
/// <param name="Path">Where, XPath-like with local names (<c>/alert/info[2]/area[1]/polygon[1]</c>), or empty when unknown.</param>
/// <param name="Line">1-based line of the element, or 0 when unknown.</param>
/// <param name="Position">1-based column of the element, or 0 when unknown.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record CapValidationError(CapErrorCode Code, CapIssueSeverity Severity, string Path, int Line, int Position, string Reason)
{
    /// <summary><c>line:position path: [Code] reason</c>.</summary>
    public override string ToString() => $"{Line}:{Position} {Path}: [{Code}] {Reason}";
}
