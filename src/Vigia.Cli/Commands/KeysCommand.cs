using System.Globalization;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia keys add|list|revoke</c>: operator API keys.</summary>
internal static class KeysCommand
{
    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "create, list and revoke operator API keys (viewer, operator, admin)",
        $"""
        usage: vigia keys add NAME --role viewer|operator|admin [--data DIR]
               vigia keys list [--data DIR]
               vigia keys revoke NAME [--data DIR]

          --role ROLE           viewer: read the picture; operator: also acknowledge and replay;
                                admin: also manage sensors and keys, and post observations for any sensor
        {JournalArguments.Usage}

        'add' prints the key once; only its SHA-256 is stored.
        """,
        Run);

    private static int Run(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var verb = args.Positional.Count > 0 ? args.Positional[0] : throw new UsageException("say add, list or revoke");
        return verb switch
        {
            "add" => Add(args, stdout),
            "list" => List(args, stdout),
            "revoke" => Revoke(args, stdout, stderr),
            _ => throw new UsageException($"unknown action '{verb}' (add, list, revoke)"),
        };
    }

    private static int Add(CommandArguments args, TextWriter stdout)
    {
        var name = args.Positional.Count > 1 ? args.Positional[1] : throw new UsageException("add needs a NAME");
        if (name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new UsageException("NAME: must be 1…64 characters of letters, digits, '-', '_' or '.'");
        }

        var role = args.RequiredString("role") switch
        {
            "viewer" => ApiKeyRole.Viewer,
            "operator" => ApiKeyRole.Operator,
            "admin" => ApiKeyRole.Admin,
            var other => throw new UsageException($"--role: '{other}' is not viewer, operator or admin"),
        };
        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused(maxPositional: 2);
        var key = Secrets.Generate(Secrets.KeyPrefix);
        var record = new ApiKeyRecord { Name = name, Role = role, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        if (!journal.Value.AddApiKeyAsync(record, Secrets.Hash(key)).GetAwaiter().GetResult())
        {
            throw new UsageException($"a key '{name}' already exists");
        }

        stdout.WriteLine($"key {name} ({role.ToString().ToLowerInvariant()}) created; the key (shown once, keep it secret):");
        stdout.WriteLine(key);
        return CommandLine.Ok;
    }

    private static int List(CommandArguments args, TextWriter stdout)
    {
        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused(maxPositional: 1);
        stdout.WriteLine($"{"NAME",-24} {"ROLE",-9} {"CREATED",-20} STATE");
        foreach (var k in journal.Value.ListApiKeysAsync().GetAwaiter().GetResult())
        {
            var state = k.Revoked is { } r ? $"revoked {r.ToDateTimeOffset():yyyy-MM-dd HH:mm}" : "active";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k.Name,-24} {k.Role.ToString().ToLowerInvariant(),-9} {k.Created.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss}  {state}"));
        }

        return CommandLine.Ok;
    }

    private static int Revoke(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var name = args.Positional.Count > 1 ? args.Positional[1] : throw new UsageException("revoke needs a NAME");
        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused(maxPositional: 2);
        if (!journal.Value.RevokeApiKeyAsync(name, Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow)).GetAwaiter().GetResult())
        {
            stderr.WriteLine($"vigia keys: no active key '{name}'");
            return CommandLine.BadInput;
        }

        stdout.WriteLine($"key {name} revoked");
        return CommandLine.Ok;
    }
}
