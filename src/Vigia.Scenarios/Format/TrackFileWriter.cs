using System.Text.Json;

namespace Vigia.Scenarios.Format;

/// <summary>
/// Writes a <c>cuas-tracks/1</c> file as the tracker runs: the header first, then one snapshot per radar
/// scan with <see cref="WriteSnapshot"/>, then <see cref="Complete"/>, which writes the <c>timing</c> block
/// (after the snapshots; JSON member order does not matter to readers) and closes the document.
/// </summary>
/// <remarks>
/// Streaming: each snapshot is encoded once and flushed to the stream in chunks, so memory does not grow
/// with the run. Disposing before <see cref="Complete"/> leaves an incomplete (invalid) file on purpose:
/// a crashed run must not look like a finished one. Thread-safety: not thread-safe.
/// </remarks>
public sealed class TrackFileWriter : IDisposable
{
    private const int FlushThresholdBytes = 32 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private double _lastT = double.NegativeInfinity;
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts a file on <paramref name="stream"/> and writes its header.</summary>
    /// <param name="stream">Destination, positioned where the file should start.</param>
    /// <param name="tracker">Free text: tracker name, version and configuration.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on dispose.</param>
    public TrackFileWriter(Stream stream, string tracker, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tracker);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = false });
        _json.WriteStartObject();
        _json.WriteString("schema", TrackFile.SchemaName);
        _json.WriteString("tracker", tracker);
        _json.WriteStartArray("snapshots");
    }

    /// <summary>Appends the snapshot at <paramref name="timeSeconds"/> (seconds after the scenario epoch).</summary>
    /// <param name="timeSeconds">Snapshot time; must be greater than the previous one.</param>
    /// <param name="tracks">Confirmed tracks with their estimates at that time (ENU metres); ids unique.</param>
    /// <exception cref="ArgumentException">A time or coordinate is not finite, times do not increase, or an id is empty.</exception>
    public void WriteSnapshot(double timeSeconds, ReadOnlySpan<TrackPoint> tracks)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the track file is already complete");
        }

        if (!double.IsFinite(timeSeconds) || !(timeSeconds > _lastT))
        {
            throw new ArgumentException($"snapshot time {timeSeconds} must be finite and after {_lastT}", nameof(timeSeconds));
        }

        foreach (var track in tracks)
        {
            if (string.IsNullOrEmpty(track.Id) || !double.IsFinite(track.X) || !double.IsFinite(track.Y) || !double.IsFinite(track.Z))
            {
                throw new ArgumentException($"track '{track.Id}' at t = {timeSeconds} needs a non-empty id and finite x, y, z", nameof(tracks));
            }
        }

        _lastT = timeSeconds;
        _json.WriteStartObject();
        _json.WriteNumber("t", timeSeconds);
        _json.WriteStartArray("tracks");
        foreach (var track in tracks)
        {
            _json.WriteStartObject();
            _json.WriteString("id", track.Id);
            _json.WriteNumber("x", track.X);
            _json.WriteNumber("y", track.Y);
            _json.WriteNumber("z", track.Z);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        if (_json.BytesPending >= FlushThresholdBytes)
        {
            _json.Flush();
        }
    }

    /// <summary>Writes the timing block, closes the JSON document and flushes.</summary>
    /// <param name="loopSeconds">Seconds spent in tracker calls (file parsing excluded), or null if not measured.</param>
    /// <param name="measurements">Measurements processed, or null.</param>
    public void Complete(double? loopSeconds, long? measurements)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the track file is already complete");
        }

        if (loopSeconds is { } l && (!double.IsFinite(l) || l < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(loopSeconds), loopSeconds, "must be finite and non-negative");
        }

        if (measurements < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(measurements), measurements, "must be non-negative");
        }

        _json.WriteEndArray();
        if (loopSeconds is not null || measurements is not null)
        {
            _json.WriteStartObject("timing");
            if (loopSeconds is { } loop)
            {
                _json.WriteNumber("loop_s", loop);
            }

            if (measurements is { } count)
            {
                _json.WriteNumber("measurements", count);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        _json.Flush();
        _stream.Flush();
        _completed = true;
    }

    /// <summary>Writes a whole <see cref="TrackFile"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination; left open.</param>
    /// <param name="file">The file to write.</param>
    public static void Write(Stream stream, TrackFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var writer = new TrackFileWriter(stream, file.Tracker, leaveOpen: true);
        foreach (var snapshot in file.Snapshots)
        {
            writer.WriteSnapshot(snapshot.T, snapshot.Tracks is TrackPoint[] array ? array : [.. snapshot.Tracks]);
        }

        writer.Complete(file.LoopSeconds, file.Measurements);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _json.Flush();
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
