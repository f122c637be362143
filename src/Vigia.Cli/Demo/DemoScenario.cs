using Vigia.Scenarios.Simulation;

namespace Vigia.Cli.Demo;

/// <summary>
/// The demo's scenario: the bundled <c>vigia-script/1</c> file <c>Bundled/demo-tepalcatepec.script.json</c> (an
/// illustrative scenario near El Bejuco and La Romera, Tepalcatepec; not a reconstruction) with the seed it
/// carries, simulated at start into a temporary <c>cuas-scenario/1</c> file.
/// </summary>
internal static class DemoScenario
{
    /// <summary>The scenario's name (client ids, sensor descriptions).</summary>
    public const string Name = "demo-tepalcatepec";

    /// <summary>The script's manifest resource name.</summary>
    public const string ResourceName = "Vigia.Cli.Bundled." + Name + ".script.json";

    /// <summary>The bundled script's bytes.</summary>
    public static byte[] ScriptBytes()
    {
        using var resource = typeof(DemoScenario).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the demo script resource {ResourceName} is missing from the build");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The zones resource: El Bejuco's and La Romera's built-up outlines (INEGI) as protected villages.</summary>
    public const string ZonesResourceName = "Vigia.Cli.Bundled.demo-zones.geojson";

    /// <summary>The bundled zones as a GeoJSON FeatureCollection.</summary>
    public static string ZonesGeoJson()
    {
        using var resource = typeof(DemoScenario).Assembly.GetManifestResourceStream(ZonesResourceName)
            ?? throw new InvalidOperationException($"the demo zones resource {ZonesResourceName} is missing from the build");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }

    /// <summary>The bundled script, read and checked.</summary>
    public static ScriptedScenario Script() => ScriptedScenarioReader.Read("bundled:" + Name + ".script.json", ScriptBytes());

    /// <summary>Simulates the script (with its own seed) into <paramref name="path"/>.</summary>
    public static SimulationSummary WriteScenario(ScriptedScenario script, string path) => ScriptedSimulator.WriteFile(script, path);
}
