using Vigia.Alerting.Cap;

namespace Vigia.Cli.Bench;

/// <summary>
/// What each output delivered, per alert version: the version's time (sensor time of the tracker picture that
/// made it, with sub-millisecond precision from the webhook body or the CoT <c>time</c>) and, per output, the
/// bench stopwatch time of the first arrival. CAP arrivals are kept by CAP identifier
/// (<c>vigia-{escaped alert id}-{version}</c>) and matched once the version is known from another output.
/// </summary>
/// <remarks>Thread-safety: every member is thread-safe (one lock).</remarks>
internal sealed class AlertArrivals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string AlertId, int Version), Entry> _versions = [];
    private readonly Dictionary<string, long> _capByIdentifier = new(StringComparer.Ordinal);

    /// <summary>One alert version as seen by the outputs.</summary>
    internal sealed record Version(string AlertId, int Number, DateTimeOffset? Time, long? Webhook, long? Cot, long? Cap);

    /// <summary>Records the first arrival of <paramref name="alertId"/> version <paramref name="version"/> by webhook or CoT.</summary>
    public void Record(AlertOutputKind output, string alertId, int version, DateTimeOffset time, long arrived)
    {
        lock (_gate)
        {
            if (!_versions.TryGetValue((alertId, version), out var entry))
            {
                entry = new Entry();
                _versions[(alertId, version)] = entry;
            }

            entry.Time ??= time;
            if (output == AlertOutputKind.Webhook)
            {
                entry.Webhook ??= arrived;
            }
            else
            {
                entry.Cot ??= arrived;
            }
        }
    }

    /// <summary>Records that a CAP identifier was first listed at <paramref name="arrived"/>.</summary>
    public void RecordCap(string identifier, long arrived)
    {
        lock (_gate)
        {
            _capByIdentifier.TryAdd(identifier, arrived);
        }
    }

    /// <summary>The ids of every alert seen by webhook or CoT so far.</summary>
    public IReadOnlyList<string> AlertIds()
    {
        lock (_gate)
        {
            return [.. _versions.Keys.Select(k => k.AlertId).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>Every version seen by webhook or CoT, with its CAP arrival when the feed listed it.</summary>
    public IReadOnlyList<Version> Versions()
    {
        lock (_gate)
        {
            return [.. _versions.Select(v => new Version(
                v.Key.AlertId,
                v.Key.Version,
                v.Value.Time,
                v.Value.Webhook,
                v.Value.Cot,
                _capByIdentifier.TryGetValue(CapMessageBuilder.IdentifierOf(v.Key.AlertId, v.Key.Version), out var cap) ? cap : null))];
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset? Time { get; set; }

        public long? Webhook { get; set; }

        public long? Cot { get; set; }
    }
}
