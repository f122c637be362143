using Vigia.Storage;

namespace Vigia.Cli.Commands;

/// <summary>The <c>--data DIR</c> / <c>--postgres CONNECTION</c> options shared by commands that open the journal.</summary>
internal static class JournalArguments
{
    /// <summary>Usage lines for the options.</summary>
    public const string Usage =
        "  --data DIR            journal folder of the server (default ./vigia-data)\n" +
        "  --postgres CONN       the server's PostgreSQL connection string instead";

    /// <summary>Opens the journal the options name (creating an empty SQLite journal if there is none).</summary>
    public static IJournal Open(CommandArguments args)
    {
        var options = new JournalOptions { DataDirectory = args.String("data") ?? "vigia-data", ConnectionString = args.String("postgres") };
        return Journal.OpenAsync(options, CancellationToken.None).GetAwaiter().GetResult();
    }
}
