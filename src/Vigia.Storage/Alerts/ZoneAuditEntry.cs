using Vigia.Core.Time;

namespace Vigia.Storage.Alerts;

/// <summary>One change to a zone: who, when, what (<c>created</c>, <c>updated</c>, <c>deleted</c>) and the Feature after it.</summary>
/// <param name="ZoneId">The zone id.</param>
/// <param name="Version">The zone's version after the change.</param>
/// <param name="Time">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action"><c>created</c>, <c>updated</c> or <c>deleted</c>.</param>
/// <param name="Feature">The Feature after the change, or null for a deletion.</param>
public sealed record ZoneAuditEntry(string ZoneId, int Version, Timestamp Time, string Actor, string Action, string? Feature);
