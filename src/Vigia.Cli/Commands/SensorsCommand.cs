using System.Globalization;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Server.Endpoints;
using Vigia.Server.Ingest;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia sensors add|list|revoke</c>: the sensor registry in the journal.</summary>
internal static class SensorsCommand
{
    /// <summary>The command's table entry.</summary>
    public static CommandLine.Command Definition { get; } = new(
        "register, list and revoke sensors (each gets its own bearer token)",
        $"""
        usage: vigia sensors add NAME --kind KIND [--position lat,lon,h] [--range-m M] [--description TEXT] [--data DIR]
               vigia sensors list [--data DIR]
               vigia sensors revoke NAME [--data DIR]

          --kind KIND           {string.Join(" | ", SensorKinds.Allowed.Keys)}
          --position lat,lon,h  WGS-84 degrees and metres above the ellipsoid (needed for rae, enu and bearing)
          --range-m M           coverage range in metres (radar instrumented range, receiver reach; drawn on the map)
          --description TEXT    free text
        {JournalArguments.Usage}

        'add' prints the sensor's token once; only its SHA-256 is stored. A revoked token stops working at once.
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
        var kind = args.RequiredString("kind");
        var position = args.Doubles("position", 3);
        var description = args.String("description") ?? "";
        double? range = args.String("range-m") is null ? null : args.Double("range-m", 0, 1, 1_000_000);
        var errors = SensorRegistration.Validate(name, kind, position, range);
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join("; ", errors.Select(e => $"{(e.Field == "id" ? "NAME" : "--" + e.Field)}: {e.Reason}")));
        }

        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused(maxPositional: 2);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var (record, token) = SensorRegistration.Create(name, kind, position is { } p ? new GeoPosition(p[0], p[1], p[2]) : null, description, now, range);
        if (!journal.Value.AddSensorAsync(record, Secrets.Hash(token)).GetAwaiter().GetResult())
        {
            throw new UsageException($"a sensor '{name}' is already registered (revoke it and add it under a new name)");
        }

        journal.Value.AppendSensorEventAsync(new SensorEvent(now, name, "registered", $"kind {kind}")).GetAwaiter().GetResult();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sensor {name} ({kind}) registered; its token (shown once, keep it secret):"));
        stdout.WriteLine(token);
        return CommandLine.Ok;
    }

    private static int List(CommandArguments args, TextWriter stdout)
    {
        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused(maxPositional: 1);
        var sensors = journal.Value.ListSensorsAsync().GetAwaiter().GetResult();
        stdout.WriteLine($"{"NAME",-20} {"KIND",-17} {"POSITION",-36} {"REGISTERED",-20} STATE");
        foreach (var s in sensors)
        {
            var position = s.Position is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.LatitudeDegrees:F6},{p.LongitudeDegrees:F6},{p.HeightAboveEllipsoidMeters:F1}") : "-";
            var state = s.Revoked is { } r ? $"revoked {r.ToDateTimeOffset():yyyy-MM-dd HH:mm}" : "active";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Id,-20} {s.Kind,-17} {position,-36} {s.Created.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss}  {state}"));
        }

        return CommandLine.Ok;
    }

    private static int Revoke(CommandArguments args, TextWriter stdout, TextWriter stderr)
    {
        var name = args.Positional.Count > 1 ? args.Positional[1] : throw new UsageException("revoke needs a NAME");
        using var journal = new JournalLease(JournalArguments.Open(args));
        args.ThrowIfUnused(maxPositional: 2);
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        if (!journal.Value.RevokeSensorAsync(name, now).GetAwaiter().GetResult())
        {
            stderr.WriteLine($"vigia sensors: no active sensor '{name}'");
            return CommandLine.BadInput;
        }

        journal.Value.AppendSensorEventAsync(new SensorEvent(now, name, "revoked", "")).GetAwaiter().GetResult();
        stdout.WriteLine($"sensor {name} revoked");
        return CommandLine.Ok;
    }
}

/// <summary>Disposes an async-disposable journal from synchronous command code.</summary>
internal sealed class JournalLease(IJournal journal) : IDisposable
{
    public IJournal Value { get; } = journal;

    public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
