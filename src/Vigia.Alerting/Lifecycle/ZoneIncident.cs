using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Time;

namespace Vigia.Alerting.Lifecycle;

/// <summary>
/// The lifecycle state of one zone: what the rules remember per track, and the zone's current alert (one
/// incident however many tracks). Owned by one <see cref="AlertEngine"/>; not thread-safe.
/// </summary>
internal sealed class ZoneIncident
{
    public ZoneIncident(ZoneContext zone)
    {
        Zone = zone;
        // The farthest corner of the outline's bounding box from the plane origin: east and north taken apart, so
        // a zone stretching south-east or north-west (a corridor, a spike) is not cut short.
        var envelope = zone.Zone.Geometry.Polygon.EnvelopeInternal;
        var east = Math.Max(Math.Abs(envelope.MinX), Math.Abs(envelope.MaxX));
        var north = Math.Max(Math.Abs(envelope.MinY), Math.Abs(envelope.MaxY));
        ReachMeters = Math.Sqrt((east * east) + (north * north)) + zone.Zone.BufferMeters;
    }

    /// <summary>The zone.</summary>
    public ZoneContext Zone { get; set; }

    /// <summary>Distance from the zone's plane origin beyond which nothing of the zone or its buffer lies.</summary>
    public double ReachMeters { get; }

    /// <summary>Per-track memory (only tracks that came near).</summary>
    public Dictionary<long, TrackZoneMemory> Tracks { get; } = [];

    /// <summary>The standing alert, or null.</summary>
    public Alert? Current { get; set; }

    /// <summary>Since when the zone's held level has been none while an alert stands, or null.</summary>
    public Timestamp? QuietSince { get; set; }
}
