namespace Vigia.Server.Outputs.Tak;

/// <summary>TCP CoT streaming to a TAK Server, section <c>Vigia:Tak:Tcp</c>: plain (8087) or TLS (8089, <see cref="Tls"/>).</summary>
public sealed class TakTcpOptions
{
    /// <summary>TAK Server's default plain-TCP CoT input port.</summary>
    public const int DefaultPort = 8087;

    /// <summary>Whether to stream.</summary>
    public bool Enabled { get; set; }

    /// <summary>The TAK Server's host name or IP address.</summary>
    public string Host { get; set; } = "";

    /// <summary>Its CoT input port (default 8087).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Events kept while disconnected or slow; beyond it the oldest are dropped and counted (default 1000).</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>First wait before reconnecting, seconds; doubles per failure (default 1).</summary>
    public double ReconnectMinSeconds { get; set; } = 1.0;

    /// <summary>Longest wait before reconnecting, seconds (default 60).</summary>
    public double ReconnectMaxSeconds { get; set; } = 60.0;

    /// <summary>Longest a connection attempt (with the TLS handshake) may take, seconds (default 10).</summary>
    public double ConnectTimeoutSeconds { get; set; } = 10.0;

    /// <summary>TLS with a client certificate, as TAK Server's 8089 input wants (off by default: plain TCP).</summary>
    public TakTlsOptions Tls { get; set; } = new();
}
