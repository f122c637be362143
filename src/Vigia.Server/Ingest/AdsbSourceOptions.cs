namespace Vigia.Server.Ingest;

/// <summary>One ADS-B receiver the server reads (<c>Vigia:AdsbSources</c>): a dump1090-style TCP feed.</summary>
public sealed class AdsbSourceOptions
{
    /// <summary>The registered sensor (kind <c>adsb</c>) its observations belong to.</summary>
    public string Sensor { get; set; } = "";

    /// <summary>Receiver host. Default 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Receiver port: 30005 for Beast (default), 30002 for AVR.</summary>
    public int Port { get; set; } = 30005;

    /// <summary><c>beast</c> (default) or <c>avr</c>.</summary>
    public string Format { get; set; } = "beast";

    /// <summary>Seconds without a byte after which the receiver is taken for dead, disconnected and reconnected (dump1090 sends a heartbeat every 60 s). Default 90.</summary>
    public double IdleTimeoutSeconds { get; set; } = 90;
}
