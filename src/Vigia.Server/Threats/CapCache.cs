using Microsoft.Extensions.Options;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Core.Time;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Threats;

/// <summary>
/// The CAP messages and Atom feed the <c>/cap</c> routes serve, built from the alert journal and kept: a message
/// never changes once journalled. Per alert the cache holds its history (the journalled versions) and its latest
/// message, which the feed lists, plus a few older messages recently asked for; any other version is built from
/// the history when asked for (each message references every earlier one, so keeping every message of a long-lived
/// alert would grow with the square of its versions). The feed is rebuilt at most once per <see cref="FeedMaxAge"/>
/// and whenever an alert changes, by one request while the others wait for it. A public feed polled hard by many
/// readers therefore costs the journal, and the alert loop beside it, next to nothing.
/// </summary>
/// <remarks>Thread-safety: safe for concurrent requests.</remarks>
public sealed class CapCache(IAlertStore store, AlertBoard board, IOptions<CapServerOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>Alerts whose histories are kept (the oldest cached are forgotten first).</summary>
    public const int MaxAlerts = 4096;

    /// <summary>Messages kept per alert besides its latest (the most recently built older versions).</summary>
    public const int OlderMessagesKept = 8;

    /// <summary>A feed older than this is rebuilt even without an alert change (its messages expire).</summary>
    public static readonly TimeSpan FeedMaxAge = TimeSpan.FromSeconds(5);

    private const int MaxVersions = 100_000;
    private const int MaxFeeds = 8;
    private readonly SemaphoreSlim _build = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknown = new(StringComparer.Ordinal);
    private readonly Queue<string> _cachedOrder = new();
    private readonly Dictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private CapMessageBuilder? _builder;

    /// <summary>Feeds built from the journal (the rest were served from memory).</summary>
    public long FeedBuilds { get; private set; }

    /// <summary>Alert histories read from the journal to build messages.</summary>
    public long HistoryReads { get; private set; }

    /// <summary>CAP messages held in memory, every alert together (at most 1 + <see cref="OlderMessagesKept"/> per alert).</summary>
    public int MessagesHeld
    {
        get
        {
            lock (_gate)
            {
                return _alerts.Values.Sum(e => 1 + e.Older.Count);
            }
        }
    }

    private CapMessageBuilder Builder => _builder ??= Endpoints.CapEndpoints.Builder(options.Value);

    /// <summary>
    /// One message by its escaped alert id (as in its identifier) and version, or null when there is none, or when it
    /// is a coverage-lost alert's and <paramref name="includeCoverage"/> is false (anonymous readers of a public feed
    /// must not learn which zones are unwatched).
    /// </summary>
    public async Task<CapMessage?> MessageAsync(string escapedAlertId, int version, bool includeCoverage, CancellationToken cancellationToken)
    {
        var message = await MessageAsync(escapedAlertId, version, cancellationToken).ConfigureAwait(false);
        if (message is null || includeCoverage)
        {
            return message;
        }

        lock (_gate)
        {
            // Shown only when the alert is known (it was just read) to be no coverage-lost alert.
            return _alerts.TryGetValue(escapedAlertId, out var entry) && entry.Kind != AlertKind.CoverageLost ? message : null;
        }
    }

    private async Task<CapMessage?> MessageAsync(string escapedAlertId, int version, CancellationToken cancellationToken)
    {
        if (Answer(escapedAlertId, version, out var hit))
        {
            return hit;
        }

        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Answer(escapedAlertId, version, out var built))
            {
                return built;
            }

            var changes = board.Changes;
            // The identifier names the alert one to one (CapTokens.Escape), so no search is needed: an identifier
            // that no alert id escapes to, or one the journal has never heard of, is remembered as unknown.
            var history = CapTokens.TryUnescape(escapedAlertId, out var alertId)
                ? await HistoryAsync(alertId, cancellationToken).ConfigureAwait(false)
                : [];
            if (history.Count == 0)
            {
                lock (_gate)
                {
                    if (_unknown.Count >= MaxAlerts)
                    {
                        _unknown.Clear();
                    }

                    _unknown[escapedAlertId] = changes;
                }

                return null;
            }

            Remember(escapedAlertId, history, changes);
            return Answer(escapedAlertId, version, out var message) ? message : null;
        }
        finally
        {
            _build.Release();
        }
    }

    /// <summary>
    /// Answers from memory when it can: a kept message, one built from the kept history, or "none" for an alert or
    /// version that cannot exist because no alert has changed since the journal was last read for it.
    /// </summary>
    private bool Answer(string escapedAlertId, int version, out CapMessage? message)
    {
        message = null;
        Alert? alert;
        Entry entry;
        lock (_gate)
        {
            if (!_alerts.TryGetValue(escapedAlertId, out entry!))
            {
                return _unknown.TryGetValue(escapedAlertId, out var seen) && seen == board.Changes;
            }

            if (version == entry.Latest.Version)
            {
                message = entry.Latest;
                return true;
            }

            if (entry.Older.TryGetValue(version, out message))
            {
                return true;
            }

            alert = entry.Version(version);
            if (alert is null)
            {
                return entry.Changes == board.Changes || version < entry.Latest.Version;
            }
        }

        // An older version nobody asked for lately: built outside the lock (the builder is pure), then kept.
        message = Builder.Build(alert, entry.Earlier(version));
        lock (_gate)
        {
            entry.Keep(message);
        }

        return true;
    }

    /// <summary>
    /// The Atom feed of every alert's latest unexpired message (of the last day), with links under <paramref name="baseUri"/>;
    /// coverage-lost alerts only when <paramref name="includeCoverage"/> (an authenticated reader).
    /// </summary>
    public async Task<string> FeedAsync(Uri baseUri, bool includeCoverage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var key = (includeCoverage ? "all " : "zones ") + baseUri.AbsoluteUri;
        if (Fresh(key) is { } text)
        {
            return text;
        }

        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(key) is { } built)
            {
                return built;
            }

            var changes = board.Changes;
            var now = clock.GetUtcNow();
            var recent = await store.ReadAlertEventsAsync(null, Timestamp.FromDateTimeOffset(now.AddDays(-1)), null, MaxVersions, cancellationToken).ConfigureAwait(false);
            var messages = new List<CapMessage>();
            foreach (var latest in recent.GroupBy(r => r.AlertId, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Version)!))
            {
                var escaped = CapTokens.Escape(latest.AlertId);
                var message = Latest(escaped) is { } known && known.Latest.Version >= latest.Version
                    ? known.Latest
                    : Remember(escaped, await HistoryAsync(latest.AlertId, cancellationToken).ConfigureAwait(false), changes);
                if (message is not null && (includeCoverage || Latest(escaped) is { Kind: not AlertKind.CoverageLost }))
                {
                    messages.Add(message);
                }
            }

            var feed = CapAtomFeed.Write(new CapFeedOptions { BaseUri = baseUri, Title = options.Value.FeedTitle, AuthorName = options.Value.SenderName }, messages, now);
            lock (_gate)
            {
                // Readers reaching the server under a few names (localhost, its address) each keep their own feed.
                if (!_feeds.ContainsKey(key) && _feeds.Count >= MaxFeeds)
                {
                    _feeds.Clear();
                }

                _feeds[key] = new Feed(changes, now, feed);
            }

            FeedBuilds++;
            return feed;
        }
        finally
        {
            _build.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _build.Dispose();

    private string? Fresh(string key)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(key, out var f) && f.Changes == board.Changes && clock.GetUtcNow() - f.BuiltAt < FeedMaxAge ? f.Text : null;
        }
    }

    private Entry? Latest(string escapedAlertId)
    {
        lock (_gate)
        {
            return _alerts.TryGetValue(escapedAlertId, out var entry) ? entry : null;
        }
    }

    /// <summary>Keeps <paramref name="history"/> and builds its latest message; null for an empty history.</summary>
    private CapMessage? Remember(string escapedAlertId, IReadOnlyList<Alert> history, long changes)
    {
        if (history.Count == 0)
        {
            return null;
        }

        Alert[] ordered = [.. history.OrderBy(a => a.Version)];
        var latest = Builder.Build(ordered[^1], ordered[..^1]);
        lock (_gate)
        {
            if (_alerts.TryGetValue(escapedAlertId, out var previous))
            {
                _alerts[escapedAlertId] = new Entry(ordered, changes, latest, previous);
            }
            else
            {
                _cachedOrder.Enqueue(escapedAlertId);
                while (_cachedOrder.Count > MaxAlerts)
                {
                    _alerts.Remove(_cachedOrder.Dequeue());
                }

                _alerts[escapedAlertId] = new Entry(ordered, changes, latest, null);
            }

            _unknown.Remove(escapedAlertId);
        }

        return latest;
    }

    private async Task<IReadOnlyList<Alert>> HistoryAsync(string alertId, CancellationToken cancellationToken)
    {
        var records = await store.ReadAlertEventsAsync(alertId, null, null, MaxVersions, cancellationToken).ConfigureAwait(false);
        HistoryReads++;
        return [.. records.Select(AlertJournalOutput.FromRecord)];
    }

    private sealed record Feed(long Changes, DateTimeOffset BuiltAt, string Text);

    /// <summary>One alert's journalled versions (by version), its latest message and a few older ones built lately.</summary>
    private sealed class Entry
    {
        private readonly Alert[] _history;
        private readonly Queue<int> _olderOrder = new();

        public Entry(Alert[] history, long changes, CapMessage latest, Entry? previous)
        {
            _history = history;
            Kind = history[^1].Kind;
            Changes = changes;
            Latest = latest;
            // Messages never change once journalled: what was built for the previous history still holds.
            foreach (var version in previous?._olderOrder ?? [])
            {
                if (previous!.Older.TryGetValue(version, out var message) && version != latest.Version)
                {
                    Keep(message);
                }
            }

            if (previous is not null && previous.Latest.Version != latest.Version)
            {
                Keep(previous.Latest);
            }
        }

        public long Changes { get; }

        /// <summary>The alert's kind (every version of an alert has the same).</summary>
        public AlertKind Kind { get; }

        public CapMessage Latest { get; }

        public Dictionary<int, CapMessage> Older { get; } = [];

        public Alert? Version(int version)
        {
            var i = Index(version);
            return i >= 0 ? _history[i] : null;
        }

        public ArraySegment<Alert> Earlier(int version) => new(_history, 0, Math.Max(0, Index(version)));

        public void Keep(CapMessage message)
        {
            if (message.Version == Latest.Version || !Older.TryAdd(message.Version, message))
            {
                return;
            }

            _olderOrder.Enqueue(message.Version);
            while (_olderOrder.Count > OlderMessagesKept)
            {
                Older.Remove(_olderOrder.Dequeue());
            }
        }

        private int Index(int version)
        {
            int lo = 0, hi = _history.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var v = _history[mid].Version;
                if (v == version)
                {
                    return mid;
                }

                (lo, hi) = v < version ? (mid + 1, hi) : (lo, mid - 1);
            }

            return -1;
        }
    }
}
