using Vigia.Cli.Demo;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia demo</c>: the live service with the bundled Tepalcatepec exercise scenario playing into it, in one command.</summary>
internal static class DemoCommand
{
    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "run the server with the bundled Tepalcatepec exercise scenario playing in a loop (start here)",
        $"""
        usage: vigia demo [--port N] [--data DIR] [--no-open]

          --port N      loopback port (default {DemoSettings.DefaultPort}; if it is busy a free one is taken and printed)
          --data DIR    data folder: journal and the demo's keys (default: vigia-demo under the user's local
                        application data, e.g. ~/.local/share/vigia-demo, %LOCALAPPDATA%\vigia-demo, or
                        ./vigia-demo where there is none)
          --no-open     do not open the console in a browser

        Starts the live service on http://127.0.0.1:PORT/ with everything marked as an exercise, prints the
        console's URL and an operator key (kept in DIR/demo-keys.txt and reused next time), and plays the
        bundled scenario (a vigia-script/1 script simulated at start with its own seed) into it through the
        public API at x1, again and again, until Ctrl+C. The scenario is illustrative, set near El Bejuco and
        La Romera (Tepalcatepec, Michoacán): a radar, two Remote ID receivers, a lawful hobby drone with Remote
        ID and three drones without it that approach the villages from the hills, hover and leave. It is not a
        reconstruction of any real event.
        """,
        Run,
        "no-open");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var settings = new DemoSettings
        {
            Port = args.Int("port", DemoSettings.DefaultPort, 1, 65535),
            DataDirectory = args.String("data") ?? DemoSettings.DefaultDataDirectory(),
            OpenBrowser = !args.Flag("no-open"),
        };
        args.ThrowIfUnused();
        return new DemoRunner(settings, stdout, stderr).RunAsync().GetAwaiter().GetResult();
    }
}
