using Vigia.Core.Time;

namespace Vigia.Alerting.Alerts;

/// <summary>Who acknowledged an alert, and when.</summary>
/// <param name="By">The operator (key name or user) who acknowledged.</param>
/// <param name="At">When.</param>
public sealed record Acknowledgement(string By, Timestamp At);
