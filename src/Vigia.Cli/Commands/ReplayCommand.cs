using System.Globalization;
using Vigia.Cli.Replay;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;
using Vigia.Server.Hosting;

namespace Vigia.Cli.Commands;

/// <summary>
/// <c>vigia replay</c>. Modes: <c>--scenario FILE</c> plays a scenario into a running server as live sensors
/// (<see cref="ScenarioReplayer"/>); <c>--from T --to T</c> re-runs a stored period of a journal through a
/// fresh tracker and prints its events (<see cref="StoredPeriodReplay"/>).
/// </summary>
internal static class ReplayCommand
{
    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "play a scenario into a running server as live sensors, or re-run a stored period of the journal",
        """
        usage: vigia replay --scenario FILE --to URL --key KEY [--origin lat,lon,h] [--speed X|max]
               vigia replay --from TIME --to TIME [--speed X|max] [--data DIR | --postgres CONN] [--origin lat,lon,h]

          --scenario FILE       cuas-scenario/1 file, or bundled:NAME (radar-n5-s1, radar-n50-s1, radar-rid-n20-c50-s2)
          --to URL              the server, e.g. http://127.0.0.1:8080
          --key KEY             an admin key (vgk_…): registers the scenario's sensors the server lacks and posts
                                for all of them (a sensor token vgs_… posts for its own sensor only)
          --origin lat,lon,h    WGS-84 position of the scenario's ENU origin (degrees, degrees, metres above the
                                ellipsoid); required when the file has none, and wins over the file's
          --speed X|max         scenario seconds per wall-clock second (default 1); 0 or max: as fast as acknowledged

        Sensor times are shifted so that the first scan is now (intervals as in the file); client ids are
        NAME/SCAN/DETECTION, so a second replay of the same file is recognised as duplicates.
        Exit 1 if the server cannot be reached or refuses a request (its problem detail is printed).

        With --from/--to (RFC 3339 times, at most a day apart) the observations journalled in that period
        (sensor time) are re-run through a fresh tracker, paced at --speed (default max), and every event is
        printed as one JSON line {"event":"tracks"|"replay","data":{..."mode":"replay"...}} on stdout. It reads
        the journal directly (--data, default ./vigia-data, or --postgres), so it works with or without a
        running server; nothing reaches the live picture or any warning output. The picture frame is
        --origin, else the first registered sensor with a position.
        """,
        Run);

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.String("scenario") is null)
        {
            if (args.String("from") is null)
            {
                throw new UsageException("give --scenario FILE (play into a server) or --from TIME --to TIME (re-run a stored period)");
            }

            return StoredPeriodReplay.Run(args, stdout, stderr);
        }

        return RunScenario(args, stdout, stderr);
    }

    private static int RunScenario(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var scenarioArgument = args.RequiredString("scenario");
        var scenarioPath = BundledScenarios.Resolve(scenarioArgument);
        var server = ParseServer(args.RequiredString("to"));
        var key = args.RequiredString("key");
        var origin = ParseOrigin(args.String("origin"));
        var speed = ParseSpeed(args.String("speed"));
        args.ThrowIfUnused();

        using var reader = ScenarioReader.Open(scenarioPath);
        var frameOrigin = origin ?? reader.Header.OriginWgs84
            ?? throw new UsageException($"--origin: the scenario {scenarioArgument} has no WGS-84 origin (frame.origin_wgs84 is null); give --origin lat,lon,h");
        var settings = new ReplaySettings
        {
            ScenarioPath = scenarioPath,
            ScenarioName = ScenarioName(scenarioArgument),
            Server = server,
            Key = key,
            Origin = origin,
            Speed = speed,
        };

        try
        {
            var summary = new ScenarioReplayer(settings, frameOrigin, stderr).RunAsync(reader, CancellationToken.None).GetAwaiter().GetResult();
            stdout.WriteLine(summary.Format(settings.ScenarioName));
            if (reader.Faults.Total > 0)
            {
                stderr.WriteLine($"skipped detections: {reader.Faults.Total} ({reader.Faults})");
            }

            return CommandLine.Ok;
        }
        catch (ApiFailureException e)
        {
            stderr.WriteLine($"vigia replay: {e.Message}");
            return CommandLine.Failure;
        }
    }

    /// <summary>The scenario's name for client ids: the bundled name or the file name without <c>.json</c>.</summary>
    internal static string ScenarioName(string argument)
    {
        var name = argument.StartsWith(BundledScenarios.Prefix, StringComparison.Ordinal)
            ? argument[BundledScenarios.Prefix.Length..]
            : Path.GetFileName(argument);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
    }

    internal static Uri ParseServer(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--to: '{text}' is not an http:// or https:// URL");
        }

        // A base address must end in '/' for the API's relative paths to resolve under it.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    internal static GeoPosition? ParseOrigin(string? text)
    {
        try
        {
            return text is null ? null : VigiaServerOptions.ParseLatLonHeight(text, "--origin");
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    internal static double ParseSpeed(string? text)
    {
        if (text is null)
        {
            return 1.0;
        }

        if (text == "max")
        {
            return 0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0 && v <= 1_000_000
            ? v
            : throw new UsageException($"--speed: '{text}' is not a number ≥ 0 or 'max'");
    }
}
