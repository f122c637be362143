using System.Collections.Concurrent;

namespace Vigia.Sensors.Sapient;

/// <summary>The server's live counters, shared by every connection.</summary>
/// <remarks>Thread-safety: every member may be called from any thread (Interlocked and a concurrent dictionary).</remarks>
internal sealed class SapientCounters
{
    private readonly ConcurrentDictionary<string, long> _rejections = new(StringComparer.Ordinal);
    private long _connectionsAccepted;
    private long _connectionsRefused;
    private long _activeConnections;
    private long _closedOnFramingError;
    private long _closedByServer;
    private long _frames;
    private long _bytes;
    private long _decodeErrors;
    private long _invalidMessages;
    private long _registrations;
    private long _registrationsRefused;
    private long _statusReports;
    private long _observations;
    private long _detectionsUnmapped;
    private long _alerts;
    private long _ignored;
    private long _eventsDropped;
    private long _unexpectedErrors;

    public void ConnectionAccepted()
    {
        Interlocked.Increment(ref _connectionsAccepted);
        Interlocked.Increment(ref _activeConnections);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _activeConnections);

    public void ConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);

    public long ActiveConnections => Interlocked.Read(ref _activeConnections);

    public void ClosedOnFramingError() => Interlocked.Increment(ref _closedOnFramingError);

    public void ClosedByServer(string reason)
    {
        Interlocked.Increment(ref _closedByServer);
        Reject(reason);
    }

    public void Frame(long bytes)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void DecodeError() => Interlocked.Increment(ref _decodeErrors);

    public void InvalidMessage() => Interlocked.Increment(ref _invalidMessages);

    public void Registration() => Interlocked.Increment(ref _registrations);

    public void RegistrationRefused() => Interlocked.Increment(ref _registrationsRefused);

    public void StatusReport() => Interlocked.Increment(ref _statusReports);

    public void Observation() => Interlocked.Increment(ref _observations);

    public void DetectionUnmapped() => Interlocked.Increment(ref _detectionsUnmapped);

    public void Alert() => Interlocked.Increment(ref _alerts);

    public void Ignored() => Interlocked.Increment(ref _ignored);

    public void EventDropped() => Interlocked.Increment(ref _eventsDropped);

    public void UnexpectedError() => Interlocked.Increment(ref _unexpectedErrors);

    /// <summary>Counts one refusal under <paramref name="reason"/> (a static code name, so the key set stays small).</summary>
    public void Reject(string reason) => _rejections.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    public SapientServerCounters Snapshot() => new()
    {
        ConnectionsAccepted = Interlocked.Read(ref _connectionsAccepted),
        ConnectionsRefused = Interlocked.Read(ref _connectionsRefused),
        ActiveConnections = Interlocked.Read(ref _activeConnections),
        ClosedOnFramingError = Interlocked.Read(ref _closedOnFramingError),
        ClosedByServer = Interlocked.Read(ref _closedByServer),
        Frames = Interlocked.Read(ref _frames),
        Bytes = Interlocked.Read(ref _bytes),
        DecodeErrors = Interlocked.Read(ref _decodeErrors),
        InvalidMessages = Interlocked.Read(ref _invalidMessages),
        Registrations = Interlocked.Read(ref _registrations),
        RegistrationsRefused = Interlocked.Read(ref _registrationsRefused),
        StatusReports = Interlocked.Read(ref _statusReports),
        Observations = Interlocked.Read(ref _observations),
        DetectionsUnmapped = Interlocked.Read(ref _detectionsUnmapped),
        Alerts = Interlocked.Read(ref _alerts),
        Ignored = Interlocked.Read(ref _ignored),
        EventsDropped = Interlocked.Read(ref _eventsDropped),
        UnexpectedErrors = Interlocked.Read(ref _unexpectedErrors),
        Rejections = new SortedDictionary<string, long>(_rejections, StringComparer.Ordinal),
    };
}
