using System.Globalization;

namespace Vigia.Cli.Replay;

/// <summary>Counts of one replay, printed at the end.</summary>
internal sealed class ReplaySummary
{
    /// <summary>Scans read from the file (empty ones included).</summary>
    public int Scans { get; set; }

    /// <summary>Requests posted (one per non-empty scan).</summary>
    public int Requests { get; set; }

    /// <summary>Observations acknowledged by the server (duplicates included).</summary>
    public long Observations { get; set; }

    /// <summary>Observations the server already had.</summary>
    public long Duplicates { get; set; }

    /// <summary>Requests repeated after 429/503.</summary>
    public long Retries { get; set; }

    /// <summary>Detections of kinds the wire format cannot carry from a scenario (skipped).</summary>
    public long Skipped { get; set; }

    /// <summary>Sensors registered on the server by this run.</summary>
    public List<string> Registered { get; } = [];

    /// <summary>Wall-clock time of the replay, seconds.</summary>
    public double ElapsedSeconds { get; set; }

    /// <summary>Scenario seconds covered (last scan − first scan).</summary>
    public double ScenarioSeconds { get; set; }

    /// <summary>The summary lines.</summary>
    public string Format(string name)
    {
        var rate = ElapsedSeconds > 0 ? Observations / ElapsedSeconds : 0;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"replayed {name}: {Scans} scans ({ScenarioSeconds:F1} s of scenario), {Requests} requests, {Observations} observations sent, {Duplicates} duplicates, {Retries} retries, elapsed {ElapsedSeconds:F2} s ({rate:F0} observations/s)");
        if (Registered.Count > 0)
        {
            text += $"\nregistered sensors: {string.Join(", ", Registered)}";
        }

        if (Skipped > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"\nskipped {Skipped} detections of kinds other than rae and enu");
        }

        return text;
    }
}
