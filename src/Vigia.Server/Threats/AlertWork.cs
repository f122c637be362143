using Vigia.Alerting.Alerts;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Server.Threats;

/// <summary>One item for the <see cref="AlertLoop"/>: a picture to evaluate, or a command.</summary>
internal abstract record AlertWork
{
    /// <summary>The whole track picture at a tracker step.</summary>
    public sealed record Picture(Timestamp Time, TrackSnapshot[] Tracks, LocalTangentPlane Frame, long Sequence, long Received) : AlertWork;

    /// <summary>Zones or allow-list changed in the store: reload them.</summary>
    public sealed record Reload : AlertWork;

    /// <summary>An operator acknowledges an alert.</summary>
    public sealed record Acknowledge(string AlertId, string By, TaskCompletionSource<Alert?> Done) : AlertWork;

    /// <summary>A sensor went down (true) or came back (false).</summary>
    public sealed record SensorState(string SensorId, bool Down, Timestamp Time) : AlertWork;
}
