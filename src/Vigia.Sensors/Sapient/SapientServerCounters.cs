namespace Vigia.Sensors.Sapient;

/// <summary>A snapshot of the fusion node server's counters since it started.</summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record SapientServerCounters
{
    /// <summary>Connections accepted.</summary>
    public long ConnectionsAccepted { get; init; }

    /// <summary>Connections closed at once because <see cref="SapientServerOptions.MaxConnections"/> were open.</summary>
    public long ConnectionsRefused { get; init; }

    /// <summary>Connections open now.</summary>
    public long ActiveConnections { get; init; }

    /// <summary>Connections closed by the server because of a framing error (a corrupt or oversized length prefix).</summary>
    public long ClosedOnFramingError { get; init; }

    /// <summary>Connections closed by the server for other reasons: no registration in time, nothing heard for the idle timeout, its node registered on a newer connection, a reply timed out, too many invalid messages, an unexpected error.</summary>
    public long ClosedByServer { get; init; }

    /// <summary>Frames received (well framed, whatever they held).</summary>
    public long Frames { get; init; }

    /// <summary>Bytes of those frames, prefixes included.</summary>
    public long Bytes { get; init; }

    /// <summary>Frames whose protobuf could not be decoded.</summary>
    public long DecodeErrors { get; init; }

    /// <summary>Decoded messages refused by the validator or the conversation rules.</summary>
    public long InvalidMessages { get; init; }

    /// <summary>Registrations accepted.</summary>
    public long Registrations { get; init; }

    /// <summary>Registrations refused (unsupported ICD version).</summary>
    public long RegistrationsRefused { get; init; }

    /// <summary>Status reports handled.</summary>
    public long StatusReports { get; init; }

    /// <summary>Detection reports that became observations.</summary>
    public long Observations { get; init; }

    /// <summary>Valid detection reports that could not become observations (unsupported units, no node location…), by reason in <see cref="Rejections"/>.</summary>
    public long DetectionsUnmapped { get; init; }

    /// <summary>Alerts received.</summary>
    public long Alerts { get; init; }

    /// <summary>Valid messages a fusion node does not act on from a child (Task, RegistrationAck, AlertAck, TaskAck, Error).</summary>
    public long Ignored { get; init; }

    /// <summary>Events dropped because the event channel was full.</summary>
    public long EventsDropped { get; init; }

    /// <summary>Unexpected exceptions contained at a connection (each is a bug; the connection was closed).</summary>
    public long UnexpectedErrors { get; init; }

    /// <summary>Refusals by reason: framing and decode error codes, validation rules, unmapped-detection reasons, close reasons.</summary>
    public IReadOnlyDictionary<string, long> Rejections { get; init; } = new Dictionary<string, long>();
}
