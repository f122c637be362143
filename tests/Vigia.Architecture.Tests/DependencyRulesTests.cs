using System.Reflection;

namespace Vigia.Architecture.Tests;

/// <summary>
/// Enforces the dependency table of docs/architecture.md on the compiled assemblies
/// (whole-assembly references, as NodaTime's reflection convention tests do).
/// </summary>
public sealed class DependencyRulesTests
{
    // Which Vigia assemblies each assembly may reference. Anything Vigia.* not listed is forbidden.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Vigia.Core"] = [],
        ["Vigia.Tracking"] = ["Vigia.Core"],
        ["Vigia.Scenarios"] = ["Vigia.Core"],
        ["Vigia.Protocols.RemoteId"] = ["Vigia.Core"],
        ["Vigia.Protocols.Asterix"] = ["Vigia.Core"],
        ["Vigia.Protocols.Adsb"] = ["Vigia.Core"],
        ["Vigia.Protocols.Sapient"] = ["Vigia.Core"],
        ["Vigia.Sensors"] = ["Vigia.Core", "Vigia.Protocols.RemoteId", "Vigia.Protocols.Asterix", "Vigia.Protocols.Adsb", "Vigia.Protocols.Sapient"],
        ["Vigia.Storage"] = ["Vigia.Core"],
        ["Vigia.Alerting"] = ["Vigia.Core"],
        ["Vigia.Server"] = ["Vigia.Core", "Vigia.Tracking", "Vigia.Protocols.RemoteId", "Vigia.Protocols.Asterix", "Vigia.Protocols.Adsb", "Vigia.Protocols.Sapient", "Vigia.Sensors", "Vigia.Storage", "Vigia.Alerting"],
        ["vigia"] = ["Vigia.Core", "Vigia.Tracking", "Vigia.Scenarios", "Vigia.Protocols.RemoteId", "Vigia.Protocols.Asterix", "Vigia.Protocols.Adsb", "Vigia.Protocols.Sapient", "Vigia.Sensors", "Vigia.Storage", "Vigia.Alerting", "Vigia.Server"],
    };

    // Non-BCL packages each assembly may reference (prefix match). Core and Tracking: BCL only.
    private static readonly Dictionary<string, string[]> AllowedPackages = new()
    {
        ["Vigia.Core"] = [],
        ["Vigia.Tracking"] = [],
        ["Vigia.Scenarios"] = [],
        ["Vigia.Protocols.RemoteId"] = [],
        ["Vigia.Protocols.Asterix"] = [],
        ["Vigia.Protocols.Adsb"] = [],
        ["Vigia.Protocols.Sapient"] = ["Google.Protobuf"],
        ["Vigia.Sensors"] = ["Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "Google.Protobuf"],
        ["Vigia.Alerting"] = ["NetTopologySuite"],
        ["Vigia.Storage"] = ["Microsoft.Data.Sqlite", "Npgsql", "SQLitePCLRaw", "Microsoft.Extensions.Logging.Abstractions"],
        ["Vigia.Server"] = ["Microsoft.AspNetCore", "Microsoft.Extensions", "Microsoft.Net.Http.Headers", "OpenTelemetry", "NetTopologySuite", "Google.Protobuf"],
        ["vigia"] = ["Microsoft.AspNetCore", "Microsoft.Extensions", "NetTopologySuite"],
    };

    public static TheoryData<string> Assemblies => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_ReferencesOnlyAllowedVigiaAssemblies(string assemblyName)
    {
        var references = Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(IsVigia)
            .ToArray();

        var forbidden = references.Except(Allowed[assemblyName]).ToArray();

        Assert.True(forbidden.Length == 0, $"{assemblyName} must not reference {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_ReferencesNoPackagesBeyondItsAllowance(string assemblyName)
    {
        var foreign = Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !IsVigia(n) && !IsFramework(n))
            .Where(n => !AllowedPackages[assemblyName].Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .ToArray();

        Assert.True(foreign.Length == 0, $"{assemblyName} must not reference {string.Join(", ", foreign)}");
    }

    [Fact]
    public void EverySourceProject_IsCoveredByTheRules()
    {
        // .NET projects only: a folder such as src/Vigia.Web (the npm-built console) has no .csproj.
        var srcDir = Path.Combine(Vigia.Testing.TestPaths.RepositoryRoot, "src");
        var projects = Directory.GetDirectories(srcDir)
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName)
            .Select(n => n == "Vigia.Cli" ? "vigia" : n!)
            .ToArray();

        var uncovered = projects.Except(Allowed.Keys).ToArray();

        Assert.Contains("Vigia.Core", projects);

        Assert.True(uncovered.Length == 0, $"add rules for {string.Join(", ", uncovered)}");
    }

    private static bool IsVigia(string name) =>
        name.StartsWith("Vigia.", StringComparison.Ordinal) || name == "vigia";

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" ||
        name.StartsWith("System", StringComparison.Ordinal) ||
        name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
