namespace Vigia.Server.Security;

/// <summary>Rate-limiter policy names.</summary>
public static class RateLimits
{
    /// <summary>Per-client token bucket on ingest requests.</summary>
    public const string IngestPolicy = "ingest";

    /// <summary>Per-address token bucket on anonymous reads of the public CAP feed and messages (<c>Vigia:Cap:RequestsPerSecondPerClient</c>).</summary>
    public const string CapPolicy = "cap";
}
