namespace Vigia.Alerting.Cap;

/// <summary>CAP's four codes that say what to do and how bad, how soon and how sure (§3.2.2).</summary>
/// <param name="ResponseType">CAP <c>responseType</c> (e.g. <c>Shelter</c>).</param>
/// <param name="Urgency">CAP <c>urgency</c> (e.g. <c>Immediate</c>).</param>
/// <param name="Severity">CAP <c>severity</c> (e.g. <c>Severe</c>).</param>
/// <param name="Certainty">CAP <c>certainty</c> (e.g. <c>Observed</c>).</param>
public sealed record CapAssessment(string ResponseType, string Urgency, string Severity, string Certainty);
