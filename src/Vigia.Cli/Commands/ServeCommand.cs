namespace Vigia.Cli.Commands;

/// <summary><c>vigia serve</c>: the live service (hosted by Vigia.Server).</summary>
internal static class ServeCommand
{
    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "run the live service: authenticated ingest, journal, live tracks, event stream",
        """
        usage: vigia serve [--data DIR] [--urls URLS] [--config FILE] [--postgres CONNECTION] [--origin lat,lon,h]
                           [--udp-port N] [--retention-days N] [--lan]

          --data DIR            journal folder (embedded SQLite vigia.db; default ./vigia-data)
          --urls URLS           where to listen (default http://127.0.0.1:8080, loopback only)
          --config FILE         JSON settings file (section "Vigia"; see README)
          --postgres CONN       use PostgreSQL instead of SQLite (Npgsql connection string)
          --origin lat,lon,h    picture frame origin (default: the first registered sensor with a position)
          --udp-port N          also take vigia-observation/1 JSON lines over UDP on 127.0.0.1:N
          --retention-days N    delete journal rows older than N days (default: keep)
          --lan                 HTTPS on every interface, port 8443, with a generated certificate
                                (fingerprint printed at start); HTTP stays on 127.0.0.1:8080

        Register sensors and operator keys first: vigia sensors add, vigia keys add.
        """,
        Run,
        "lan");

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr) =>
        Vigia.Server.Program.Main([.. args.Raw]).GetAwaiter().GetResult();
}
