namespace Vigia.Server.Hosting;

/// <summary>The server's retry waits: each failed try doubles the wait, up to a longest one.</summary>
internal static class Backoff
{
    /// <summary>The wait after <paramref name="current"/>: twice as long, at most <paramref name="longest"/>.</summary>
    public static TimeSpan Double(TimeSpan current, TimeSpan longest) => current * 2 < longest ? current * 2 : longest;
}
