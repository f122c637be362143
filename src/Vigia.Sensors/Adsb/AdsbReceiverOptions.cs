using Vigia.Protocols.Adsb;

namespace Vigia.Sensors.Adsb;

/// <summary>Where an ADS-B receiver is and how to read it; bound from configuration (house style §4.8, §6).</summary>
public sealed record AdsbReceiverOptions
{
    /// <summary>Host name or address of the receiver (dump1090, readsb, a Mode-S Beast). Default loopback.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port: 30005 for Beast (the default), 30002 for AVR.</summary>
    public int Port { get; init; } = 30005;

    /// <summary>The receiver's output format on <see cref="Port"/>.</summary>
    public AdsbFeedFormat Format { get; init; } = AdsbFeedFormat.Beast;

    /// <summary>First wait before reconnecting after a failed connect or a dropped connection; doubled each time. Default 1 s.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnection attempts. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for a TCP connect before it counts as failed. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A connection that delivers no byte for this long is taken for dead (the receiver lost power or its link:
    /// this client never sends, so TCP alone would not notice), closed and reconnected; it reads Down meanwhile.
    /// dump1090 and readsb send a heartbeat every 60 s on a quiet feed. Default 90 s.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long after a loss of sync (skipped bytes) the connection reports <see cref="AdsbConnectionState.Degraded"/>. Default 10 s.</summary>
    public TimeSpan DegradedAfterResync { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Aircraft not heard for this long are dropped from the table. Default 60 s.</summary>
    public TimeSpan AircraftTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The aircraft table: capacity, CPR pair windows, receiver position and range (see <see cref="AircraftStateOptions"/>).</summary>
    public AircraftStateOptions Aircraft { get; init; } = new();

    /// <summary>Throws for values outside their documented ranges.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        if (!Enum.IsDefined(Format))
        {
            throw new ArgumentOutOfRangeException(nameof(Format), Format, "Beast or Avr.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectInitialDelay, TimeSpan.Zero, nameof(ReconnectInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectInitialDelay, nameof(ReconnectMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AircraftTimeout, TimeSpan.Zero, nameof(AircraftTimeout));
        ArgumentNullException.ThrowIfNull(Aircraft, nameof(Aircraft));
        Aircraft.Validate();
    }
}
