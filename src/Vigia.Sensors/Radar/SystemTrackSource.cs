using Vigia.Core.Observations;

namespace Vigia.Sensors.Radar;

/// <summary>A configured SDPS and the sensor id its tracks carry.</summary>
/// <remarks>Thread-safety: immutable.</remarks>
internal sealed class SystemTrackSource(SystemTrackSourceOptions options)
{
    public SystemTrackSourceOptions Options { get; } = options;

    public SensorId Sensor { get; } = new(options.SensorId);
}
