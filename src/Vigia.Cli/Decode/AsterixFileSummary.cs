using System.Globalization;
using Vigia.Protocols.Asterix;

namespace Vigia.Cli.Decode;

/// <summary>What <c>vigia decode --asterix FILE</c> saw: the counts its summary prints.</summary>
internal sealed class AsterixFileSummary
{
    private readonly SortedDictionary<int, long> _categories = [];
    private readonly SortedDictionary<(int Sac, int Sic), (long Records, long Duplicates)> _sources = [];
    private readonly SortedDictionary<string, long> _refused = new(StringComparer.Ordinal);

    /// <summary>Capture records read (1 for a raw file).</summary>
    public long Packets { get; set; }

    /// <summary>Capture records that were not IPv4 UDP to a chosen port.</summary>
    public long Skipped { get; set; }

    /// <summary>Well-formed records, duplicates included.</summary>
    public long Records { get; private set; }

    /// <summary>Records repeating one heard within the window (redundant networks).</summary>
    public long Duplicates { get; private set; }

    /// <summary>Malformed and unsupported refusals.</summary>
    public long Refused => _refused.Values.Sum();

    /// <summary>Datagrams dropped because the decoder threw (each one a bug).</summary>
    public long InternalErrors { get; set; }

    /// <summary>Why the file stopped early (records before it were decoded), or null.</summary>
    public string? ReadError { get; set; }

    public void Count(byte category, DataSourceIdentifier? source, bool duplicate)
    {
        Records++;
        Duplicates += duplicate ? 1 : 0;
        _categories[category] = _categories.GetValueOrDefault(category) + 1;
        var key = source is { } s ? (s.Sac, s.Sic) : (-1, -1);
        var (records, duplicates) = _sources.GetValueOrDefault(key);
        _sources[key] = (records + 1, duplicates + (duplicate ? 1 : 0));
    }

    public void Refuse(string kind, string code)
    {
        var key = kind + ":" + code;
        _refused[key] = _refused.GetValueOrDefault(key) + 1;
    }

    public string Format()
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"packets {Packets} (skipped {Skipped}), records {Records} (duplicates {Duplicates}), refused {Refused}");
        if (_refused.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", _refused.Select(r => $"{r.Key}={r.Value}")).Append(')');
        }

        if (InternalErrors > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", internal errors {InternalErrors}");
        }

        text.AppendLine();
        text.Append("by category: ").Append(_categories.Count == 0 ? "none" : "")
            .AppendJoin(", ", _categories.Select(c => string.Create(CultureInfo.InvariantCulture, $"CAT{c.Key:000} {c.Value}"))).AppendLine();
        text.Append("by SAC/SIC: ").Append(_sources.Count == 0 ? "none" : "").AppendJoin(", ", _sources.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{(s.Key.Sac < 0 ? "no I010" : $"{s.Key.Sac}/{s.Key.Sic}")} {s.Value.Records} ({s.Value.Duplicates} duplicates)")));
        return text.ToString();
    }
}
