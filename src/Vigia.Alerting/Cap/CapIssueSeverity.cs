namespace Vigia.Alerting.Cap;

/// <summary>How bad a <see cref="CapValidationError"/> is.</summary>
public enum CapIssueSeverity
{
    /// <summary>The document breaks CAP 1.2 (schema or specification text): it must not be issued.</summary>
    Error,

    /// <summary>Allowed, but likely a mistake (google/cap-library's warnings).</summary>
    Warning,
}
