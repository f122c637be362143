using Vigia.Core.Time;

namespace Vigia.Storage.Alerts;

/// <summary>An allow-listed drone as stored.</summary>
/// <param name="UasId">The Remote ID UAS ID.</param>
/// <param name="Description">Who flies it and why.</param>
/// <param name="From">Start of its window, or null.</param>
/// <param name="To">End of its window, or null.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="CreatedBy">Who added it.</param>
public sealed record AllowListRecord(string UasId, string Description, Timestamp? From, Timestamp? To, Timestamp CreatedAt, string CreatedBy);
