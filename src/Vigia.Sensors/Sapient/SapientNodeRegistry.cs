using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>Every node that has registered, by node_id (case-insensitive), whether connected or not.</summary>
/// <remarks>Thread-safety: safe from any thread.</remarks>
internal sealed class SapientNodeRegistry(SapientServerOptions options)
{
    private readonly Dictionary<string, SapientNodeRecord> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>The record of <paramref name="nodeId"/>, created on its first registration; a node that reconnects gets its old record back.</summary>
    public SapientNodeRecord GetOrAdd(string nodeId)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(nodeId, out var record))
            {
                record = new SapientNodeRecord(nodeId, new SensorId(options.SensorIdPrefix + nodeId.ToLowerInvariant()));
                _nodes.Add(nodeId, record);
            }

            return record;
        }
    }

    public IReadOnlyList<SapientNodeState> Snapshot(Timestamp now)
    {
        SapientNodeRecord[] records;
        lock (_gate)
        {
            records = [.. _nodes.Values];
        }

        return [.. records.Select(r => r.Snapshot(now, options)).OrderBy(s => s.NodeId, StringComparer.Ordinal)];
    }
}
