using Vigia.Cli.Bench;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia bench pipeline|alerts|restart|memory</c>: the real server measured on this machine.</summary>
internal static class BenchCommand
{
    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "measure the live pipeline on this machine: ingest, latency, alert outputs, restart time, memory over an hour",
        """
        usage: vigia bench pipeline [--data DIR] [--postgres CONN] [--seconds S] [--clients N] [--json]
                                    [--server-args "--Key=value ..."]
               vigia bench alerts [--seconds S] [--rate N] [--cap-poll-ms MS] [--cap-feed-ms MS] [--intruder-every S] [--json]
                                  [--server-args "--Key=value ..."]
               vigia bench restart [--data DIR] [--observations N] [--json]
               vigia bench memory [--hours H] [--json]

          --data DIR            journal folder for the bench server (default: a fresh temporary folder, deleted after)
          --postgres CONN       journal in PostgreSQL instead of SQLite (Npgsql connection string)
          --seconds S           length of each phase (default 10)
          --clients N           concurrent HTTP clients of the throughput phase (default 12)
          --json                print one JSON object instead of the table
          --server-args TEXT    extra configuration for the server, e.g. "--Logging:LogLevel:Default=Warning"

        Starts `vigia serve` as a child process on a free loopback port (rate limit raised to 100000 req/s per
        client so the limiter is not what is measured), then:
          (a) N clients post batches of 1000 geodetic observations from 10 sensors as fast as they are
              acknowledged (persist before ack) for S seconds: acknowledged observations/s, journal commits;
          (b) 500 targets, 10 sensors, 100 requests/s of 100 observations (10,000/s) for S seconds after a 1 s
              warm-up: time from sending a batch to the first stream 'tracks' event showing a track updated at
              (or after) the batch's sensor time: p50, p90, p99, max, histogram.
        The server's /metrics (vigia_journal_*, vigia_tracker_scan_duration, vigia_pipeline_latency) show where
        the time goes. Figures depend on this machine; compare runs on the same machine only.

        alerts: observation in -> webhook / CoT / CAP out. Starts `vigia serve` with TAK UDP sent to a loopback
        listener, creates 6 protected zones and a webhook endpoint (a loopback receiver that verifies every Standard
        Webhooks signature) through the API, and posts N background observations/s (default 10000; 500 targets,
        10 sensors, batches of 100) for S seconds (default 30) while an intruder crosses each zone every S seconds
        (default 4), each raising or changing its zone's alert. CAP is watched as a consumer would: each known
        alert's next /cap/{identifier}.xml every MS ms (default 500), /cap/feed.atom every MS ms (default 2000) to
        find new alerts (both are built from the journal per request: polling much faster loads the server). For every alert version: time from posting the first batch that can have caused it to its
        webhook, its CoT datagram and its CAP message: count, missing, p50, p95, p99, max (target p99 <= 1 s).
        The CAP figure is only as fine as the poll interval.

        restart: builds (once; reused with --data) a SQLite journal of N observations (default 10,000,000: a day
        of 50 Remote ID drones ending now), then starts `vigia serve` on it and times process launch -> /readyz
        200 (journal opened and the last minute replayed into a fresh tracker), and counts the tracks then shown.

        memory: simulates an H-hour scenario (default 1; 50 drone slots at the density of radar-n50-s1), replays
        it into a fresh server as fast as it acknowledges, and samples the server's resident memory (VmRSS)
        every 0.5 s: RSS at each tenth of the replay and the growth over the second half.
        """,
        Run,
        "json");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var which = args.Positional.Count == 0 ? throw new UsageException("say which bench: pipeline, alerts, restart or memory") : args.Positional[0];
        switch (which)
        {
            case "pipeline":
                break;
            case "alerts":
                return Alerts(args, stdout, stderr);
            case "restart":
                return Restart(args, stdout, stderr);
            case "memory":
                return Memory(args, stdout, stderr);
            default:
                throw new UsageException($"unknown bench '{which}' (pipeline, alerts, restart, memory)");
        }

        var settings = new BenchSettings
        {
            DataDirectory = args.String("data"),
            Postgres = args.String("postgres"),
            Seconds = args.Double("seconds", 10, 0.5, 3600),
            Clients = args.Int("clients", 12, 1, 256),
            ServerArguments = ServerArguments(args),
        };
        var json = args.Flag("json");
        args.ThrowIfUnused(maxPositional: 1);

        return Report(
            () =>
            {
                var report = new PipelineBench(settings, stderr).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
                return (report.WriteJson, report.WriteText);
            },
            json,
            stdout,
            stderr);
    }

    private static int Alerts(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var settings = new AlertsBenchSettings
        {
            Seconds = args.Double("seconds", 30, 1, 3600),
            ObservationsPerSecond = args.Int("rate", 10_000, 100, 100_000),
            CapPollMilliseconds = args.Int("cap-poll-ms", 500, 10, 10_000),
            CapFeedMilliseconds = args.Int("cap-feed-ms", 2_000, 100, 60_000),
            IntruderIntervalSeconds = args.Double("intruder-every", 4, 0.5, 600),
            ServerArguments = ServerArguments(args),
        };
        var json = args.Flag("json");
        args.ThrowIfUnused(maxPositional: 1);
        if (settings.Error() is { } error)
        {
            throw new UsageException(error);
        }

        return Report(
            () =>
            {
                var report = new AlertsBench(settings, stderr).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
                return (report.WriteJson, report.WriteText);
            },
            json,
            stdout,
            stderr);
    }

    /// <summary>Runs a server bench and prints its report (JSON or text); a refused API call exits 1 saying why.</summary>
    private static int Report(Func<(Action<Stream> WriteJson, Action<TextWriter> WriteText)> run, bool json, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var (writeJson, writeText) = run();
            if (json)
            {
                using var buffer = new MemoryStream();
                writeJson(buffer);
                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                writeText(stdout);
            }

            return CommandLine.Ok;
        }
        catch (ApiFailureException e)
        {
            stderr.WriteLine($"vigia bench: {e.Message}");
            return CommandLine.Failure;
        }
    }

    /// <summary>The <c>--server-args</c> words, each checked to be <c>--Key=value</c>.</summary>
    private static string[] ServerArguments(CommandArguments args)
    {
        var words = (args.String("server-args") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) || !a.Contains('=', StringComparison.Ordinal)) is { } bad)
        {
            throw new UsageException($"--server-args: '{bad}' is not --Key=value");
        }

        return words;
    }

    private static int Restart(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var data = args.String("data") ?? Path.Combine(Path.GetTempPath(), "vigia-bench-restart");
        var observations = (long)args.Double("observations", 10_000_000, 1, 1e9);
        var json = args.Flag("json");
        args.ThrowIfUnused(maxPositional: 1);
        try
        {
            var report = new RestartBench(data, observations, stderr).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (json)
            {
                report.WriteJson(stdout);
            }
            else
            {
                report.WriteText(stdout);
            }

            return CommandLine.Ok;
        }
        catch (ApiFailureException e)
        {
            stderr.WriteLine($"vigia bench: {e.Message}");
            return CommandLine.Failure;
        }
    }

    private static int Memory(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var hours = args.Double("hours", 1, 0.01, 24);
        var json = args.Flag("json");
        args.ThrowIfUnused(maxPositional: 1);
        try
        {
            var report = new MemoryBench(hours, stderr).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (json)
            {
                report.WriteJson(stdout);
            }
            else
            {
                report.WriteText(stdout);
            }

            return CommandLine.Ok;
        }
        catch (ApiFailureException e)
        {
            stderr.WriteLine($"vigia bench: {e.Message}");
            return CommandLine.Failure;
        }
    }
}
