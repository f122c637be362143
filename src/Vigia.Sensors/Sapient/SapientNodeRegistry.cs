using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>Every node that has registered, by node_id (case-insensitive), whether connected or not.</summary>
/// <remarks>Thread-safety: safe from any thread; claims are serialised.</remarks>
internal sealed class SapientNodeRegistry(SapientServerOptions options)
{
    private readonly Dictionary<string, SapientNodeRecord> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>
    /// Claims <paramref name="nodeId"/> for a connection; false while another open connection holds it (the
    /// Apex middleware's "hijacked" case). A node that reconnects gets its old record back.
    /// </summary>
    public bool TryClaim(string nodeId, long connectionId, out SapientNodeRecord record)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(nodeId, out record!))
            {
                record = new SapientNodeRecord(nodeId, new SensorId(options.SensorIdPrefix + nodeId.ToLowerInvariant()));
                _nodes.Add(nodeId, record);
                return true;
            }

            return !record.IsHeldByAnother(connectionId);
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
