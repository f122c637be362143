using System.Globalization;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Cli.Demo;

/// <summary>
/// The demo's two API keys, kept in <c>DATA/demo-keys.txt</c> (one <c>ROLE KEY</c> line each) so that a second
/// <c>vigia demo</c> on the same folder reuses them: an operator key, printed for the console, and an admin key
/// the demo uses itself to register its sensors and post observations. A kept key that the journal no longer
/// knows or that was revoked is replaced by a new one.
/// </summary>
/// <remarks>The file holds secrets in clear: it is a demo folder, and the file is made readable by its owner only where the platform allows.</remarks>
internal sealed record DemoKeys(string OperatorKey, string AdminKey, bool Reused)
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "demo-keys.txt";

    /// <summary>Opens the journal in <paramref name="dataDirectory"/>, reuses or creates the keys and closes it again.</summary>
    public static async Task<DemoKeys> LoadOrCreateAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var kept = Read(path);
        var journal = await Journal.OpenAsync(new JournalOptions { DataDirectory = dataDirectory }, cancellationToken).ConfigureAwait(false);
        await using (journal.ConfigureAwait(false))
        {
            var (operatorKey, operatorReused) = await EnsureAsync(journal, kept.GetValueOrDefault("operator"), ApiKeyRole.Operator, cancellationToken).ConfigureAwait(false);
            var (adminKey, adminReused) = await EnsureAsync(journal, kept.GetValueOrDefault("admin"), ApiKeyRole.Admin, cancellationToken).ConfigureAwait(false);
            if (!operatorReused || !adminReused)
            {
                Write(path, operatorKey, adminKey);
            }

            return new DemoKeys(operatorKey, adminKey, operatorReused && adminReused);
        }
    }

    private static async Task<(string Key, bool Reused)> EnsureAsync(IJournal journal, string? kept, ApiKeyRole role, CancellationToken cancellationToken)
    {
        if (kept is not null && await journal.FindApiKeyByHashAsync(Secrets.Hash(kept), cancellationToken).ConfigureAwait(false) is { Revoked: null } record && record.Role == role)
        {
            return (kept, true);
        }

        var key = Secrets.Generate(Secrets.KeyPrefix);
        var baseName = "demo-" + role.ToString().ToLowerInvariant();
        var now = DateTimeOffset.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            var name = attempt == 0 ? baseName : string.Create(CultureInfo.InvariantCulture, $"{baseName}-{now:yyyyMMddHHmmss}-{attempt}");
            var created = new ApiKeyRecord { Name = name, Role = role, Created = Timestamp.FromDateTimeOffset(now) };
            if (await journal.AddApiKeyAsync(created, Secrets.Hash(key), cancellationToken).ConfigureAwait(false))
            {
                return (key, false);
            }
        }
    }

    private static Dictionary<string, string> Read(string path)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return keys;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[1].StartsWith(Secrets.KeyPrefix, StringComparison.Ordinal))
            {
                keys[parts[0]] = parts[1];
            }
        }

        return keys;
    }

    private static void Write(string path, string operatorKey, string adminKey)
    {
        var text = $"operator {operatorKey}\nadmin {adminKey}\n";
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
