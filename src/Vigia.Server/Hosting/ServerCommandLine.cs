namespace Vigia.Server.Hosting;

/// <summary>
/// Turns <c>vigia serve</c> switches into configuration arguments: <c>--data DIR</c>,
/// <c>--config FILE</c>, <c>--postgres CONNECTION</c>, <c>--origin lat,lon,h</c>, <c>--udp-port N</c>,
/// <c>--lan</c>; any <c>--Key=value</c> (e.g. <c>--Vigia:ReorderWindowSeconds=2</c>, <c>--environment=Development</c>) passes through unchanged.
/// </summary>
public static class ServerCommandLine
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--data"] = "Vigia:DataDirectory",
        ["--postgres"] = "Vigia:ConnectionString",
        ["--origin"] = "Vigia:Origin",
        ["--udp-port"] = "Vigia:UdpPort",
        ["--retention-days"] = "Vigia:RetentionDays",
        ["--config"] = "Vigia:ConfigFile",
        ["--urls"] = "urls",
    };

    /// <summary>Configuration arguments for <paramref name="args"/>; throws <see cref="ArgumentException"/> on an unknown switch or a missing value.</summary>
    public static string[] ToConfigurationArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--lan")
            {
                result.Add("--Vigia:Lan=true");
            }
            else if (Switches.TryGetValue(a, out var key))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{a} needs a value", nameof(args));
                }

                result.Add($"--{key}={args[++i]}");
            }
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) > 2)
            {
                result.Add(a);
            }
            else
            {
                throw new ArgumentException($"unknown option '{a}' (serve takes --data, --config, --postgres, --origin, --urls, --udp-port, --retention-days, --lan)", nameof(args));
            }
        }

        return [.. result];
    }
}
