using System.Xml.Linq;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Sends Cursor-on-Target events to the configured TAK outputs (UDP multicast or unicast, TCP to a TAK
/// Server). Never blocks and never throws for network trouble: UDP datagrams are sent at once, TCP events
/// are queued (bounded; the oldest are dropped and counted). A no-op when no transport is enabled.
/// </summary>
/// <remarks>Thread-safety: thread-safe.</remarks>
public interface ICotPublisher
{
    /// <summary>Whether any TAK transport is on (callers may skip building events when not).</summary>
    bool Enabled { get; }

    /// <summary>Serialises <paramref name="cotEvent"/> once and hands it to every enabled transport.</summary>
    void Publish(XElement cotEvent);

    /// <summary>
    /// The tracker's displayed picture (<paramref name="tracks"/> in <paramref name="frame"/>'s ENU): each
    /// confirmed track — and its operator when Remote ID reports one — at most once per
    /// <see cref="TakOptions.TrackIntervalSeconds"/>. <paramref name="isAllowListed"/> says whether a UAS ID is
    /// on the allow-list (shown neutral); null means none is. Exercise marking follows <c>Vigia:Exercise</c>.
    /// </summary>
    void PublishTracks(Timestamp time, IReadOnlyList<TrackSnapshot> tracks, LocalTangentPlane frame, Func<string, bool>? isAllowListed = null);
}
