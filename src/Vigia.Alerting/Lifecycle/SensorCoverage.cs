using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Lifecycle;

/// <summary>Where a sensor is and how far it sees, for "coverage lost" alerts.</summary>
/// <param name="SensorId">The sensor's id.</param>
/// <param name="Position">Its position, or null when unknown (then it is taken to cover every zone).</param>
/// <param name="RangeMeters">Its coverage radius, or null when unknown (then it is taken to cover every zone).</param>
public sealed record SensorCoverage(string SensorId, GeoPosition? Position, double? RangeMeters);
