using System.Diagnostics;
using System.Globalization;

namespace Vigia.Cli;

/// <summary>
/// A one-line progress bar on stderr for long runs: shown only on a terminal and only after the
/// first second, redrawn at most five times a second.
/// </summary>
internal sealed class ProgressBar(TextWriter stderr, double total, string label)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error);
    private long _lastDrawMs = -1000;
    private bool _drawn;

    public void Report(double done)
    {
        var now = _clock.ElapsedMilliseconds;
        if (!_enabled || now < 1000 || now - _lastDrawMs < 200 || total <= 0)
        {
            return;
        }

        _lastDrawMs = now;
        _drawn = true;
        var fraction = Math.Clamp(done / total, 0, 1);
        var filled = (int)(fraction * 30);
        stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction * 100,5:F1}%"));
    }

    public void Finish()
    {
        if (_drawn)
        {
            stderr.WriteLine();
        }
    }
}
