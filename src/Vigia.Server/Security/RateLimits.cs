namespace Vigia.Server.Security;

/// <summary>Rate-limiter policy names.</summary>
public static class RateLimits
{
    /// <summary>Per-client token bucket on ingest requests.</summary>
    public const string IngestPolicy = "ingest";
}
