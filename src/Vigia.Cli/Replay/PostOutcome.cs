namespace Vigia.Cli.Replay;

/// <summary>What one accepted ingest request did.</summary>
/// <param name="Items">Items in the batch.</param>
/// <param name="Duplicates">Items the server already had (same sensor and client id).</param>
/// <param name="Retries">Times the request was repeated after 429 or 503.</param>
internal readonly record struct PostOutcome(int Items, int Duplicates, int Retries);
