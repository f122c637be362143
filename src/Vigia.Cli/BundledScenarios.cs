using System.IO.Compression;

namespace Vigia.Cli;

/// <summary>
/// Scenarios built into the <c>vigia</c> assembly, addressed as <c>bundled:NAME</c> wherever a
/// command takes a scenario path, so the tools work on a machine without the shared data folder.
/// </summary>
internal static class BundledScenarios
{
    public const string Prefix = "bundled:";

    /// <summary>Names of the bundled scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } = ["radar-n5-s1", "radar-n50-s1", "radar-rid-n20-c50-s2"];

    /// <summary>
    /// Returns <paramref name="argument"/> unchanged unless it is <c>bundled:NAME</c>; then extracts
    /// that scenario (once per process) to a temporary file and returns its path.
    /// </summary>
    public static string Resolve(string argument)
    {
        if (!argument.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return argument;
        }

        var name = argument[Prefix.Length..];
        if (!Names.Contains(name))
        {
            throw new UsageException($"no bundled scenario '{name}' (bundled: {string.Join(", ", Names)})");
        }

        var directory = Path.Combine(Path.GetTempPath(), "vigia-bundled-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".json");
        if (!File.Exists(path))
        {
            using var resource = typeof(BundledScenarios).Assembly.GetManifestResourceStream($"Vigia.Cli.Bundled.{name}.json.gz")
                ?? throw new InvalidOperationException($"bundled scenario resource {name} is missing from the build");
            using var gzip = new GZipStream(resource, CompressionMode.Decompress);
            using var file = File.Create(path);
            gzip.CopyTo(file);
        }

        return path;
    }
}
