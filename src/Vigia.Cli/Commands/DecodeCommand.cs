using System.Text;
using System.Text.Json;
using Vigia.Cli.Decode;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia decode</c>: Remote ID from capture files or from hex lines.</summary>
internal static class DecodeCommand
{
    /// <summary>Readable JSON: only what JSON itself requires is escaped (no HTML-safe escaping of quotes).</summary>
    internal static readonly JsonWriterOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CommandLine.Command Definition { get; } = new(
        "decode Remote ID from a .pcap/.pcapng capture, or from KIND HEX lines",
        "usage: vigia decode FILE [--jsonl]\n" +
        "       vigia decode --hex-lines FILE|-\n\n" +
        "  FILE                 a pcap or pcapng capture (802.11 with or without radiotap, nRF Sniffer BLE)\n" +
        "  --jsonl              one JSON object per Remote ID frame instead of the table (summary on stderr)\n" +
        "  --hex-lines FILE|-   each line 'KIND HEX', KIND = message | pack | wifi | ble; one JSON object per line\n",
        Run,
        "jsonl");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var hexLines = args.String("hex-lines");
        var jsonLines = args.Flag("jsonl");
        if (hexLines is not null)
        {
            args.ThrowIfUnused();
            return RunHexLines(hexLines, stdout);
        }

        args.ThrowIfUnused(maxPositional: 1);
        if (args.Positional.Count != 1)
        {
            throw new UsageException("give a capture FILE or --hex-lines FILE|-");
        }

        var summary = CaptureDecoder.Run(args.Positional[0], stdout, jsonLines);
        (jsonLines ? stderr : stdout).WriteLine(summary.Format());
        if (summary.ReadError is { } readError)
        {
            stderr.WriteLine(readError);
            return CommandLine.BadInput;
        }

        return CommandLine.Ok;
    }

    private static int RunHexLines(string path, TextWriter stdout)
    {
        using var input = path == "-" ? Console.In : new StreamReader(path, Encoding.UTF8);
        using var buffer = new MemoryStream();
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, JsonOutput))
            {
                HexLineDecoder.Decode(line, writer);
            }

            stdout.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        return CommandLine.Ok;
    }
}
