using Microsoft.Extensions.Options;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cap;
using Vigia.Core.Time;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Threats;

/// <summary>
/// The CAP messages and Atom feed the <c>/cap</c> routes serve, built from the alert journal once and kept: a
/// message never changes once journalled, so it is built when first asked for (with its alert's earlier
/// versions, which it references) and then served from memory; the feed is rebuilt at most once per
/// <see cref="FeedMaxAge"/> and whenever an alert changes, by one request while the others wait for it. A public
/// feed polled hard by many readers therefore costs the journal, and the alert loop beside it, next to nothing.
/// </summary>
/// <remarks>Thread-safety: safe for concurrent requests.</remarks>
public sealed class CapCache(IAlertStore store, AlertBoard board, IOptions<CapServerOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>Alerts whose messages are kept (the oldest cached are forgotten first).</summary>
    public const int MaxAlerts = 4096;

    /// <summary>A feed older than this is rebuilt even without an alert change (its messages expire).</summary>
    public static readonly TimeSpan FeedMaxAge = TimeSpan.FromSeconds(5);

    private const int MaxVersions = 100_000;
    private readonly SemaphoreSlim _build = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, (IReadOnlyList<CapMessage> Messages, long Changes)> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknown = new(StringComparer.Ordinal);
    private readonly Queue<string> _cachedOrder = new();
    private CapMessageBuilder? _builder;
    private (long Changes, DateTimeOffset BuiltAt, string BaseUri, string Text)? _feed;

    /// <summary>Feeds built from the journal (the rest were served from memory).</summary>
    public long FeedBuilds { get; private set; }

    /// <summary>Alert histories read from the journal to build messages.</summary>
    public long HistoryReads { get; private set; }

    /// <summary>One message by its escaped alert id (as in its identifier) and version, or null when there is none.</summary>
    public async Task<CapMessage?> MessageAsync(string escapedAlertId, int version, CancellationToken cancellationToken)
    {
        if (Lookup(escapedAlertId, version, out var hit))
        {
            return hit;
        }

        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Lookup(escapedAlertId, version, out var built))
            {
                return built;
            }

            var changes = board.Changes;
            var history = await HistoryAsync(escapedAlertId, cancellationToken).ConfigureAwait(false);
            if (history.Count == 0 || CapTokens.Escape(history[0].Id) != escapedAlertId)
            {
                // The id needed escaping: find it among the journalled alerts.
                var all = await store.ReadAlertEventsAsync(null, null, null, MaxVersions, cancellationToken).ConfigureAwait(false);
                var id = all.Select(r => r.AlertId).FirstOrDefault(a => CapTokens.Escape(a) == escapedAlertId);
                history = id is null ? [] : await HistoryAsync(id, cancellationToken).ConfigureAwait(false);
            }

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

            return Find(Remember(escapedAlertId, history, changes), version);
        }
        finally
        {
            _build.Release();
        }
    }

    /// <summary>
    /// Answers from memory when it can: a cached message, or "none" for an alert or version that cannot exist
    /// because no alert has changed since the journal was last read for it.
    /// </summary>
    private bool Lookup(string escapedAlertId, int version, out CapMessage? message)
    {
        lock (_gate)
        {
            message = null;
            if (_messages.TryGetValue(escapedAlertId, out var known))
            {
                message = Find(known.Messages, version);
                return message is not null || known.Changes == board.Changes || version < known.Messages[^1].Version;
            }

            return _unknown.TryGetValue(escapedAlertId, out var seen) && seen == board.Changes;
        }
    }

    /// <summary>The Atom feed of every alert's latest unexpired message (of the last day), with links under <paramref name="baseUri"/>.</summary>
    public async Task<string> FeedAsync(Uri baseUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (Fresh(baseUri) is { } text)
        {
            return text;
        }

        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(baseUri) is { } built)
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
                var all = Cached(escaped) is { Count: > 0 } known && known[^1].Version >= latest.Version
                    ? known
                    : Remember(escaped, await HistoryAsync(latest.AlertId, cancellationToken).ConfigureAwait(false), changes);
                if (all.Count > 0)
                {
                    messages.Add(all[^1]);
                }
            }

            var feed = CapAtomFeed.Write(new CapFeedOptions { BaseUri = baseUri, Title = options.Value.FeedTitle, AuthorName = options.Value.SenderName }, messages, now);
            _feed = (changes, now, baseUri.AbsoluteUri, feed);
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

    private string? Fresh(Uri baseUri) =>
        _feed is { } f && f.Changes == board.Changes && clock.GetUtcNow() - f.BuiltAt < FeedMaxAge && f.BaseUri == baseUri.AbsoluteUri ? f.Text : null;

    private static CapMessage? Find(IReadOnlyList<CapMessage> messages, int version) => messages.FirstOrDefault(m => m.Version == version);

    private IReadOnlyList<CapMessage>? Cached(string escapedAlertId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(escapedAlertId, out var known) ? known.Messages : null;
        }
    }

    private IReadOnlyList<CapMessage> Remember(string escapedAlertId, IReadOnlyList<Alert> history, long changes)
    {
        _builder ??= Endpoints.CapEndpoints.Builder(options.Value);
        var messages = _builder.BuildAll(history);
        if (messages.Count == 0)
        {
            return messages;
        }

        lock (_gate)
        {
            if (!_messages.ContainsKey(escapedAlertId))
            {
                _cachedOrder.Enqueue(escapedAlertId);
                while (_cachedOrder.Count > MaxAlerts)
                {
                    _messages.Remove(_cachedOrder.Dequeue());
                }
            }

            _messages[escapedAlertId] = (messages, changes);
            _unknown.Remove(escapedAlertId);
        }

        return messages;
    }

    private async Task<IReadOnlyList<Alert>> HistoryAsync(string alertId, CancellationToken cancellationToken)
    {
        var records = await store.ReadAlertEventsAsync(alertId, null, null, MaxVersions, cancellationToken).ConfigureAwait(false);
        HistoryReads++;
        return [.. records.Select(AlertJournalOutput.FromRecord)];
    }
}
