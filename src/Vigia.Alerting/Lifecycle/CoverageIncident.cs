using Vigia.Alerting.Alerts;
using Vigia.Core.Time;

namespace Vigia.Alerting.Lifecycle;

/// <summary>A standing "coverage lost" alert and, once the sensor is back, since when.</summary>
internal sealed class CoverageIncident(Alert alert)
{
    public Alert Alert { get; set; } = alert;

    public Timestamp? UpSince { get; set; }
}
