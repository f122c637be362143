using Vigia.Scenarios.Format;

namespace Vigia.Cli;

/// <summary>
/// Dispatches <c>vigia COMMAND ...</c> to a command. Exit codes: 0 ok, 1 runtime failure,
/// 2 bad input or usage. Results go to stdout (or <c>--out</c>), logs and progress to stderr.
/// </summary>
internal static class CommandLine
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>A command: its one-line summary, its usage text and its entry point.</summary>
    internal sealed record Command(string Summary, string Usage, Func<CommandArguments, TextWriter, TextWriter, int> Run, params string[] Flags);

    private static readonly SortedDictionary<string, Command> Commands = new(StringComparer.Ordinal)
    {
        ["bench"] = Cli.Commands.BenchCommand.Definition,
        ["decode"] = Cli.Commands.DecodeCommand.Definition,
        ["demo"] = Cli.Commands.DemoCommand.Definition,
        ["eval"] = Cli.Commands.EvalCommand.Definition,
        ["keys"] = Cli.Commands.KeysCommand.Definition,
        ["replay"] = Cli.Commands.ReplayCommand.Definition,
        ["sensors"] = Cli.Commands.SensorsCommand.Definition,
        ["serve"] = Cli.Commands.ServeCommand.Definition,
        ["simulate"] = Cli.Commands.SimulateCommand.Definition,
        ["track"] = Cli.Commands.TrackCommand.Definition,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            var text = Usage();
            (args.Length == 0 ? stderr : stdout).WriteLine(text);
            return args.Length == 0 ? BadInput : Ok;
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            stderr.WriteLine($"vigia: unknown command '{args[0]}'");
            stderr.WriteLine(Usage());
            return BadInput;
        }

        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(command.Usage);
            return Ok;
        }

        try
        {
            return command.Run(new CommandArguments(args[1..], command.Flags), stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"vigia {args[0]}: {e.Message}");
            stderr.WriteLine(command.Usage);
            return BadInput;
        }
        catch (Vigia.Storage.JournalException e)
        {
            stderr.WriteLine($"vigia {args[0]}: {e.Message}");
            return Failure;
        }
        catch (ScenarioFormatException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"vigia {args[0]}: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"vigia {args[0]}: {e.Message}");
            return Failure;
        }
        catch (ArgumentException e)
        {
            // Bad paths and other bad arguments the libraries reject.
            stderr.WriteLine($"vigia {args[0]}: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Last resort: a bug, reported in one line (no stack trace) with the failure exit code.
            stderr.WriteLine($"vigia {args[0]}: internal error: {e.GetType().Name}: {e.Message}");
            return Failure;
        }
    }

    private static string Usage()
    {
        var lines = Commands.Select(c => $"  {c.Key,-10} {c.Value.Summary}");
        return "usage: vigia <command> [options]   (vigia <command> --help for its options)\n\ncommands:\n" + string.Join('\n', lines);
    }
}
