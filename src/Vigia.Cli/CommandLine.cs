namespace Vigia.Cli;

/// <summary>Dispatches <c>vigia COMMAND ...</c> to a command. Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.</summary>
internal static class CommandLine
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? BadInput : Ok;
        }

        stderr.WriteLine($"vigia: unknown command '{args[0]}'");
        stderr.WriteLine(Usage);
        return BadInput;
    }

    public const string Usage = """
        usage: vigia <command> [options]

        commands:
          simulate   write a cuas-scenario/1 file from the documented multicopter model
          track      run the tracker over a scenario and write cuas-tracks/1
          eval       score tracks (or the tracker itself) against a scenario's truth with GOSPA
        """;
}
