using Vigia.Core.Time;

namespace Vigia.Alerting.Rules;

/// <summary>The allow-list: UAS IDs of drones shown but not alerted on. Immutable; safe to share.</summary>
public sealed class AllowList
{
    private readonly Dictionary<string, AllowListEntry[]> _byUasId;

    /// <summary>Builds the list; an entry with an empty UAS ID or an inverted window is refused, naming the field.</summary>
    public AllowList(IEnumerable<AllowListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i].UasId))
            {
                throw new ArgumentException($"allow_list[{i}].uas_id: must not be empty", nameof(entries));
            }

            if (list[i] is { From: { } from, To: { } to } && to < from)
            {
                throw new ArgumentException($"allow_list[{i}].to: ends before it starts", nameof(entries));
            }
        }

        Entries = list;
        _byUasId = list.GroupBy(e => e.UasId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>An empty list.</summary>
    public static AllowList Empty { get; } = new([]);

    /// <summary>Every entry, in the order given.</summary>
    public IReadOnlyList<AllowListEntry> Entries { get; }

    /// <summary>Whether <paramref name="uasId"/> is allowed at <paramref name="time"/>.</summary>
    public bool Allows(string? uasId, Timestamp time)
    {
        if (uasId is null || !_byUasId.TryGetValue(uasId, out var entries))
        {
            return false;
        }

        foreach (var entry in entries)
        {
            if (entry.AppliesAt(time))
            {
                return true;
            }
        }

        return false;
    }
}
