using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Sensors.Capture;
using Vigia.Sensors.Radar;

namespace Vigia.Server.Ingest;

/// <summary>
/// Plays a capture of ASTERIX over UDP (<c>Vigia:Radar:Pcap</c>) through the radar adapter as if it were live:
/// each packet is decoded with its capture time as the receive time (so times of day resolve to the recording's
/// day and redundant copies are recognised), then its observations are moved by one fixed shift. Paced, the shift
/// makes the first packet "now" and the capture's intervals are kept. Unpaced (as fast as the pipeline takes them),
/// the shift makes the LAST packet "now", so the replay never runs ahead of the wall clock: a capture ten minutes
/// long played in a second would otherwise put the tracker's time ten minutes ahead and make every live sensor's
/// observations late until the clock caught up. Beside live inputs, an unpaced replay's older observations are
/// journalled but count as late (not tracked); it is meant for filling the journal, not the live picture.
/// </summary>
/// <remarks>
/// Client ids are <c>pcap:RECORDING:PACKET:N</c>, where RECORDING (<see cref="RecordingId"/>) is a hash of the
/// file's first 64 KiB and its length: the same recording played twice (a restart, or a copy under another name)
/// is journalled once, and a different recording under a name used before (a new <c>radar.pcap</c>, or
/// <c>day2/capture.pcap</c> after <c>day1/capture.pcap</c>) is journalled as new. A file that cannot be opened, or
/// that ends in a corrupt record, sets <see cref="State"/> to <c>failed</c> with the reason in <see cref="Error"/>;
/// nothing else stops. Thread-safety: <see cref="PlayAsync"/> runs once; the properties may be read from any thread
/// (each value whole, possibly a little stale).
/// </remarks>
public sealed class RadarCapturePlayer(RadarAdapter adapter, TimeProvider clock)
{
    /// <summary>The longest single wait while pacing, so a capture with a long gap still notices a stop.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private long _packets;
    private long _skipped;
    private long _observations;

    /// <summary><c>pending</c>, <c>playing</c>, <c>ended</c> (played to its end) or <c>failed</c>.</summary>
    public string State { get; private set; } = "pending";

    /// <summary>Why the file failed (path, byte offset, field), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The recording's identity in client ids (16 hex digits), once the file is open; else null.</summary>
    public string? RecordingId { get; private set; }

    /// <summary>Capture records read.</summary>
    public long Packets => Interlocked.Read(ref _packets);

    /// <summary>Records that were not IPv4 UDP to a chosen port.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Observations handed to the pipeline.</summary>
    public long Observations => Interlocked.Read(ref _observations);

    /// <summary>Plays <paramref name="path"/> into <paramref name="output"/>; returns when it ends, fails or is stopped.</summary>
    /// <param name="path">A .pcap or .pcapng file.</param>
    /// <param name="pace">Keep the capture's intervals (true) or play as fast as <paramref name="output"/> takes them.</param>
    /// <param name="ports">Destination UDP ports to take; empty takes every UDP packet.</param>
    /// <param name="output">Receives the observations.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    public async Task PlayAsync(string path, bool pace, IReadOnlySet<int> ports, ChannelWriter<Observation> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(output);
        if (Open(path) is not { } reader)
        {
            return;
        }

        using (reader)
        {
            State = "playing";
            var cursor = new Cursor(RecordingId!, clock.GetTimestamp(), pace ? null : LastCaptureTime(path));
            var batch = new List<Observation>();
            while (!cancellationToken.IsCancellationRequested)
            {
                var status = ReadPacket(reader, ports, cursor, batch);
                if (status == CaptureReadStatus.EndOfFile)
                {
                    State = "ended";
                    return;
                }

                if (status != CaptureReadStatus.Record)
                {
                    Fail($"{path}: byte {reader.Error.Offset}: {reader.Error.Field}: {reader.Error.Message}");
                    return;
                }

                while (pace && TimeSpan.FromSeconds(cursor.DueSeconds) - clock.GetElapsedTime(cursor.Started) is { Ticks: > 0 } due)
                {
                    await Task.Delay(due < MaxWait ? due : MaxWait, clock, cancellationToken).ConfigureAwait(false);
                }

                foreach (var observation in batch)
                {
                    await output.WriteAsync(observation, cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Add(ref _observations, batch.Count);
                batch.Clear();
            }
        }
    }

    /// <summary>Opens the capture and names the recording, or fails with the reason (path, and byte offset and field for a file that is not a capture).</summary>
    private CaptureReader? Open(string path)
    {
        FileStream? stream = null;
        try
        {
            stream = File.OpenRead(path);
            RecordingId = CaptureRecording.Identify(stream);
            stream.Position = 0;
            var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var openError);
            if (reader is null)
            {
                stream.Dispose();
                Fail($"{path}: byte {openError.Offset}: {openError.Field}: {openError.Message}");
            }

            return reader;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            Fail($"{path}: {ex.Message}");
            return null;
        }
    }

    /// <summary>The capture time of the last record read before the end (or the first fault), or null if there is none.</summary>
    /// <summary>The capture's last packet time, or null if it has none or cannot be read.</summary>
    internal static Timestamp? LastCaptureTime(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out _);
            Timestamp? last = null;
            while (reader is not null && reader.ReadNext(out var record) == CaptureReadStatus.Record)
            {
                last = record.HasTimestamp ? record.Timestamp : last;
            }

            return last;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The play itself reports what is wrong with the file.
            return null;
        }
    }

    /// <summary>Reads one capture record and decodes its UDP payload into <paramref name="batch"/>, shifted to now.</summary>
    private CaptureReadStatus ReadPacket(CaptureReader reader, IReadOnlySet<int> ports, Cursor cursor, List<Observation> batch)
    {
        var status = reader.ReadNext(out var record);
        if (status != CaptureReadStatus.Record)
        {
            return status;
        }

        var index = Interlocked.Increment(ref _packets);
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var captured = record.HasTimestamp ? record.Timestamp : now;
        cursor.First ??= captured;
        cursor.ShiftNanoseconds ??= now.UnixNanoseconds - (cursor.Last ?? captured).UnixNanoseconds;
        cursor.DueSeconds = captured.SecondsSince(cursor.First.Value);
        if (!UdpFrame.TryGetPayload(record.Data, record.LinkType, out var payload, out var port) || (ports.Count > 0 && !ports.Contains(port)))
        {
            Interlocked.Increment(ref _skipped);
            return status;
        }

        adapter.Process(payload, captured, now, batch);
        var shift = cursor.ShiftNanoseconds.Value;
        for (var k = 0; k < batch.Count; k++)
        {
            var o = batch[k];
            batch[k] = o with
            {
                SensorTime = new Timestamp(o.SensorTime.UnixNanoseconds + shift),
                ReceiveTime = new Timestamp(o.ReceiveTime.UnixNanoseconds + shift),
                ClientId = $"pcap:{cursor.Recording}:{index}:{k}",
            };
        }

        return status;
    }

    private void Fail(string reason)
    {
        Error = reason;
        State = "failed";
    }

    /// <summary>
    /// Where the replay stands: the first capture time, the last (unpaced: the one made "now"), the shift to now, and
    /// when the current packet is due.
    /// </summary>
    private sealed class Cursor(string recording, long started, Timestamp? last)
    {
        public string Recording { get; } = recording;

        public long Started { get; } = started;

        public Timestamp? Last { get; } = last;

        public Timestamp? First { get; set; }

        public long? ShiftNanoseconds { get; set; }

        public double DueSeconds { get; set; }
    }
}
