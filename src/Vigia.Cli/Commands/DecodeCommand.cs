using System.Text;
using System.Text.Json;
using Vigia.Cli.Decode;
using Vigia.Protocols.Asterix;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Sensors.Capture;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia decode</c>: Remote ID from capture files or from hex lines.</summary>
internal static class DecodeCommand
{
    /// <summary>Readable JSON: only what JSON itself requires is escaped (no HTML-safe escaping of quotes).</summary>
    internal static readonly JsonWriterOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CommandLine.Command Definition { get; } = new(
        "decode Remote ID from a .pcap/.pcapng capture, a monitor-mode Wi-Fi interface, or KIND HEX lines; ASTERIX with --asterix",
        "usage: vigia decode FILE [--jsonl | --summary] [--via-libpcap]\n" +
        "       vigia decode --asterix FILE [--jsonl | --summary] [--cat062-edition 1|0.17] [--ports P,P...]\n" +
        "       vigia decode --live IFACE [--jsonl] [--duration-s S] [--count N]\n" +
        "       vigia decode --hex-lines FILE|-\n\n" +
        "  FILE                 a pcap or pcapng capture (802.11 with or without radiotap, nRF Sniffer BLE)\n" +
        "  --jsonl              one JSON object per Remote ID frame instead of the table (summary on stderr)\n" +
        "  --summary            no line per frame: only the summary (fastest, for large captures)\n" +
        "  --via-libpcap        read FILE through libpcap instead of the managed reader (same output)\n" +
        "  --live IFACE         capture from a Wi-Fi interface in monitor mode through libpcap, until Ctrl-C\n" +
        "                       (needs root or cap_net_raw,cap_net_admin; set-up in README.md, 'vigia decode')\n" +
        "  --duration-s S       with --live: stop after S seconds\n" +
        "  --count N            with --live: stop after N frames\n" +
        "  --hex-lines FILE|-   each line 'KIND HEX', KIND = message | pack | wifi | ble; one JSON object per line\n" +
        "  --asterix            FILE is radar data: a pcap/pcapng of ASTERIX over UDP, or a raw file of data blocks;\n" +
        "                       one line per record (CAT-048/034/062/065/021: SAC/SIC, time of day, key items; copies\n" +
        "                       from a redundant network marked duplicate) and per refusal (offset, item, reason),\n" +
        "                       then counts by category and SAC/SIC. Exit 2 if the file ends in a corrupt record\n" +
        "  --cat062-edition E   with --asterix: the CAT-062 edition of the recording, 1 (1.x, default) or 0.17 (refused\n" +
        "                       as unsupported: never decoded with the wrong layout)\n" +
        "  --ports P,P...       with --asterix: only UDP packets to these destination ports\n",
        Run,
        "jsonl",
        "summary",
        "via-libpcap",
        "asterix");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var hexLines = args.String("hex-lines");
        var live = args.String("live");
        var jsonLines = args.Flag("jsonl");
        if (hexLines is not null)
        {
            args.ThrowIfUnused();
            return RunHexLines(hexLines, stdout);
        }

        if (live is not null)
        {
            var durationSeconds = args.Double("duration-s", 0, min: 0);
            var count = args.Int("count", 0, min: 0);
            args.ThrowIfUnused();
            return RunLive(live, stdout, stderr, jsonLines, durationSeconds, count);
        }

        if (args.Flag("asterix"))
        {
            return RunAsterix(args, stdout, stderr, jsonLines);
        }

        var viaLibpcap = args.Flag("via-libpcap");
        var summaryOnly = args.Flag("summary");
        if (summaryOnly && jsonLines)
        {
            throw new UsageException("--summary and --jsonl exclude each other");
        }

        args.ThrowIfUnused(maxPositional: 1);
        if (args.Positional.Count != 1)
        {
            throw new UsageException("give a capture FILE, --live IFACE or --hex-lines FILE|-");
        }

        var path = args.Positional[0];
        ICaptureRecordSource source;
        if (viaLibpcap)
        {
            if (LibpcapSource.TryOpenFile(path, out var error) is not { } pcap)
            {
                stderr.WriteLine($"vigia decode: {error.Message}");
                return error.Code == LibpcapErrorCode.LibraryNotFound ? CommandLine.Failure : CommandLine.BadInput;
            }

            source = new LibpcapCaptureSource(pcap);
        }
        else
        {
            source = CaptureDecoder.OpenFile(path);
        }

        // A file is read as fast as it can be: buffer the console (flushed at the end) instead of a flush per line.
        var output = ReferenceEquals(stdout, Console.Out)
            ? new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false }
            : stdout;
        try
        {
            using (source)
            {
                var mode = summaryOnly ? FrameOutputMode.None : jsonLines ? FrameOutputMode.JsonLines : FrameOutputMode.Table;
                var summary = CaptureDecoder.RunWith(source, output, mode, stderr);
                return Finish(summary, output, stderr, jsonLines);
            }
        }
        finally
        {
            output.Flush();
            if (!ReferenceEquals(output, stdout))
            {
                output.Dispose();
            }
        }
    }

    /// <summary>Captures from <paramref name="device"/> until Ctrl-C, the duration or the count, then prints the summary.</summary>
    private static int RunLive(string device, TextWriter stdout, TextWriter stderr, bool jsonLines, double durationSeconds, int count)
    {
        using var pcap = LibpcapSource.TryOpenLive(device, out var error);
        if (pcap is null)
        {
            stderr.WriteLine($"vigia decode: {error.Message}");
            return CommandLine.Failure;
        }

        using var source = new LibpcapCaptureSource(pcap);
        using var stop = new CancellationTokenSource();
        if (durationSeconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(durationSeconds));
        }

        void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            // Ctrl-C ends the capture, not the process: the loop stops and the summary is printed.
            e.Cancel = true;
            stop.Cancel();
        }

        stderr.WriteLine($"vigia decode: capturing on {device} ({pcap.LinkType}); Ctrl-C to stop");
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            var summary = CaptureDecoder.Run(source, stdout, stderr, jsonLines, count > 0 ? count : long.MaxValue, stop.Token);
            return Finish(summary, stdout, stderr, jsonLines, runtimeFailure: true);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    /// <summary>Prints the summary (stderr with --jsonl) and any read error; a read error is bad input for a file, a failure live.</summary>
    private static int Finish(CaptureDecodeSummary summary, TextWriter stdout, TextWriter stderr, bool jsonLines, bool runtimeFailure = false)
    {
        (jsonLines ? stderr : stdout).WriteLine(summary.Format());
        if (summary.ReadError is { } readError)
        {
            stderr.WriteLine(readError);
            return runtimeFailure ? CommandLine.Failure : CommandLine.BadInput;
        }

        return CommandLine.Ok;
    }

    /// <summary><c>--asterix FILE</c>: one line per record and refusal, then the counts (stderr with --jsonl).</summary>
    private static int RunAsterix(CommandArguments args, TextWriter stdout, TextWriter stderr, bool jsonLines)
    {
        var summaryOnly = args.Flag("summary");
        var edition = args.String("cat062-edition") switch
        {
            null or "1" => Cat062Edition.Edition1,
            "0.17" => Cat062Edition.Edition0Dot17,
            var other => throw new UsageException($"--cat062-edition must be 1 or 0.17, not '{other}'"),
        };
        var ports = new HashSet<int>();
        foreach (var port in (args.String("ports") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ports.Add(int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p
                : throw new UsageException($"--ports: '{port}' is not a UDP port"));
        }

        if (summaryOnly && jsonLines)
        {
            throw new UsageException("--summary and --jsonl exclude each other");
        }

        args.ThrowIfUnused(maxPositional: 1);
        if (args.Positional.Count != 1)
        {
            throw new UsageException("give the ASTERIX FILE (.pcap, .pcapng or raw data blocks)");
        }

        var mode = summaryOnly ? FrameOutputMode.None : jsonLines ? FrameOutputMode.JsonLines : FrameOutputMode.Table;
        AsterixFileSummary summary;
        try
        {
            summary = AsterixFileDecoder.Run(args.Positional[0], stdout, stderr, mode, new AsterixDecoderOptions { Cat062Edition = edition }, ports);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"vigia decode: {args.Positional[0]}: {e.Message}");
            return CommandLine.BadInput;
        }

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
