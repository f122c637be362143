using System.Globalization;
using System.Text;
using Vigia.Cli.Commands;
using Vigia.Core.Time;
using Vigia.Server.Pipeline;
using Vigia.Server.Replay;
using Vigia.Storage.Alerts;

namespace Vigia.Cli.Replay;

/// <summary>
/// <c>vigia replay --from T --to T</c>: a stored period of the journal through a fresh tracker (the same
/// <see cref="ReplaySession"/> the server's <c>/api/v1/replays</c> runs), its events printed as JSON lines.
/// </summary>
internal static class StoredPeriodReplay
{
    public static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var from = Time(args.RequiredString("from"), "from");
        var to = Time(args.RequiredString("to"), "to");
        if (to <= from || to.SecondsSince(from) > 86_400)
        {
            throw new UsageException("--to: must be after --from and at most 24 h later");
        }

        var speedText = args.String("speed");
        var speed = speedText is null ? 0 : ReplayCommand.ParseSpeed(speedText);
        var origin = ReplayCommand.ParseOrigin(args.String("origin"));
        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused();

        var directory = new SensorDirectory(journal.Value, origin);
        directory.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var session = new ReplaySession("cli", journal.Value, directory.Frame, from, to, speed, TimeProvider.System, journal.Value as IAlertStore);
        using var subscriber = session.Broadcaster.Subscribe();
        session.Start();
        var reader = subscriber.Queue.Reader;
        var events = 0;
        while (true)
        {
            while (reader.TryRead(out var frame))
            {
                WriteLine(stdout, frame.Span);
                events++;
            }

            if (session.Completion.IsCompleted && !reader.TryPeek(out _))
            {
                break;
            }

            reader.WaitToReadAsync().AsTask().Wait(TimeSpan.FromMilliseconds(200));
        }

        stdout.Flush();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replayed {session.Observations} observations and {session.AlertVersions} alert versions from {from} to {to}: {events} events, {session.State.ToString().ToLowerInvariant()}"));
        if (session.State == ReplayState.Failed)
        {
            stderr.WriteLine($"vigia replay: {session.Detail}");
            return CommandLine.Failure;
        }

        return CommandLine.Ok;
    }

    /// <summary>Writes one SSE frame (<c>event: NAME\ndata: JSON\n\n</c>) as <c>{"event":"NAME","data":JSON}</c>.</summary>
    private static void WriteLine(TextWriter stdout, ReadOnlySpan<byte> frame)
    {
        var text = Encoding.UTF8.GetString(frame);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var name = text["event: ".Length..newline];
        var data = text[(newline + 1 + "data: ".Length)..].TrimEnd('\n');
        stdout.Write("{\"event\":\"");
        stdout.Write(name);
        stdout.Write("\",\"data\":");
        stdout.Write(data);
        stdout.WriteLine('}');
    }

    private static Timestamp Time(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? Timestamp.FromDateTimeOffset(t)
            : throw new UsageException($"--{option}: '{text}' is not an RFC 3339 time (e.g. 2026-11-25T18:00:00Z)");
}
