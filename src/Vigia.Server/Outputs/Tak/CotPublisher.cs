using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Vigia.Alerting.Cot;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Server.Hosting;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// The <see cref="ICotPublisher"/>: encodes each event once (<see cref="CotFrame"/>) and hands the bytes to the
/// UDP sender and the TCP client; rate-limits track events per track.
/// </summary>
/// <remarks>Thread-safety: thread-safe (track rate state under a lock).</remarks>
public sealed class CotPublisher : ICotPublisher
{
    private readonly CotUdpSender _udp;
    private readonly CotTcpClient _tcp;
    private readonly CotEventBuilder _builder;
    private readonly double _trackIntervalSeconds;
    private readonly bool _exercise;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Timestamp> _lastSent = [];
    private readonly HashSet<long> _present = [];

    /// <summary>Publishes through <paramref name="udp"/> and <paramref name="tcp"/>; exercise marking from <c>Vigia:Exercise</c>.</summary>
    public CotPublisher(IOptions<TakOptions> options, IOptions<VigiaServerOptions> server, CotUdpSender udp, CotTcpClient tcp, CotEventBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(server);
        _udp = udp;
        _tcp = tcp;
        _builder = builder;
        _trackIntervalSeconds = options.Value.TrackIntervalSeconds;
        _exercise = server.Value.Exercise;
    }

    /// <inheritdoc />
    public bool Enabled => _udp.Enabled || _tcp.Enabled;

    /// <inheritdoc />
    public void Publish(XElement cotEvent)
    {
        ArgumentNullException.ThrowIfNull(cotEvent);
        if (!Enabled)
        {
            return;
        }

        var frame = CotFrame.Encode(cotEvent);
        _udp.Send(frame);
        _tcp.Enqueue(frame);
    }

    /// <inheritdoc />
    public void PublishTracks(Timestamp time, IReadOnlyList<TrackSnapshot> tracks, LocalTangentPlane frame, Func<string, bool>? isAllowListed = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(frame);
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            _present.Clear();
            foreach (var snapshot in tracks)
            {
                _present.Add(snapshot.TrackId);
                if (snapshot.Status == TrackStatus.Tentative || !Due(snapshot.TrackId, time))
                {
                    continue;
                }

                _lastSent[snapshot.TrackId] = time;
                var allowListed = snapshot.UasId is { } uas && isAllowListed is not null && isAllowListed(uas);
                var track = CotTrackMapping.ToCotTrack(snapshot, frame, allowListed, _exercise);
                Publish(_builder.Track(track));
                if (_builder.Operator(track) is { } pilot)
                {
                    Publish(pilot);
                }
            }

            // Forget tracks that left the picture (their events go stale on the TAK side by themselves).
            foreach (var gone in _lastSent.Keys.Where(id => !_present.Contains(id)).ToList())
            {
                _lastSent.Remove(gone);
            }
        }
    }

    /// <summary>Due when never sent, when the interval has passed, or when time went backwards (a replay seek).</summary>
    private bool Due(long trackId, Timestamp time) =>
        !_lastSent.TryGetValue(trackId, out var last) || time < last || time.SecondsSince(last) >= _trackIntervalSeconds;
}
