using Vigia.Core.Time;
using Vigia.Sensors.Sapient;
using Vigia.Server.Json;

namespace Vigia.Server.Ingest;

/// <summary>The in-process inputs' details of every sensor, read once for one sensor report.</summary>
/// <remarks>Thread-safety: use from one thread (one report).</remarks>
public sealed class SensorInputsSnapshot
{
    private readonly SensorInputs _inputs;
    private readonly Dictionary<string, SapientNodeState> _nodes;
    private readonly Timestamp _now;

    internal SensorInputsSnapshot(SensorInputs inputs, Dictionary<string, SapientNodeState> nodes, Timestamp now) =>
        (_inputs, _nodes, _now) = (inputs, nodes, now);

    /// <summary>The radar's configured ASTERIX sources with their counters, or null for a sensor that has none.</summary>
    public IReadOnlyList<AsterixSourceDto>? Asterix(string sensorId) => _inputs.AsterixOf(sensorId, _now);

    /// <summary>The ADS-B receiver configured for <paramref name="sensorId"/>, or null.</summary>
    public AdsbReceiverDto? Adsb(string sensorId) => _inputs.AdsbOf(sensorId);

    /// <summary>The SAPIENT node behind <paramref name="sensorId"/>, or null when it is not one (or has not registered since the server started).</summary>
    public SapientNodeDto? Sapient(string sensorId) => _nodes.TryGetValue(sensorId, out var node) ? SensorInputs.Node(node, _now) : null;
}
