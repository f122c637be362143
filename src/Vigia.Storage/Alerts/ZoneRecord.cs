using Vigia.Core.Time;

namespace Vigia.Storage.Alerts;

/// <summary>A protected zone as stored: its GeoJSON Feature (the Alerting layer parses and validates it) and version.</summary>
/// <param name="Id">The zone id.</param>
/// <param name="Version">1 when created, +1 at each edit (and at deletion).</param>
/// <param name="Feature">The zone as one GeoJSON Feature (text).</param>
/// <param name="UpdatedAt">When this version was saved.</param>
/// <param name="UpdatedBy">Who saved it (operator key name).</param>
/// <param name="DeletedAt">When it was deleted, or null.</param>
public sealed record ZoneRecord(string Id, int Version, string Feature, Timestamp UpdatedAt, string UpdatedBy, Timestamp? DeletedAt);
