namespace Vigia.Server.Ingest;

/// <summary>One reason an item of an ingest request was refused.</summary>
/// <param name="Index">Index of the item in the request (0 for a single observation).</param>
/// <param name="Field">The JSON field (e.g. <c>values[1]</c>), or empty for the whole item.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record FieldError(int Index, string Field, string Reason);
