using System.Globalization;
using System.Text.Json;
using Vigia.Testing;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>
/// The shared ADS-B data (shared/data/adsb, see its SOURCES.md): the compiled test vectors, the pyModeS golden
/// values, the pyModeS sample messages and the dump1090-mutability reference outputs.
/// </summary>
internal static class AdsbData
{
    private static readonly Lazy<TestVector[]> Vectors = new(LoadVectors);

    public static string Path(params string[] parts) => TestPaths.SharedData(["adsb", .. parts]);

    public static byte[] Reference(string name) => File.ReadAllBytes(Path("reference", name));

    public static string[] ReferenceLines(string name) =>
        File.ReadAllLines(Path("reference", name)).Where(l => l.Length > 0).ToArray();

    public static IReadOnlyList<TestVector> TestVectors => Vectors.Value;

    public static TestVector Vector(string id) => Vectors.Value.Single(v => v.Id == id);

    /// <summary>pyModeS tests/fixtures/golden_v2.json: hex message → decoded fields.</summary>
    public static IEnumerable<(string Hex, JsonElement Fields)> PyModeSGolden()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path("pyModeS_golden_v2.json")));
        return document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.Clone())).ToArray();
    }

    /// <summary>pyModeS tests/data/sample_data_adsb.csv: unix time (whole seconds) and hex message per row.</summary>
    public static (long UnixSeconds, string Hex)[] PyModeSSample() =>
        File.ReadAllLines(Path("pyModeS_sample_data_adsb.csv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => (long.Parse(f[0], CultureInfo.InvariantCulture), f[1].Trim('"')))
            .ToArray();

    private static TestVector[] LoadVectors()
    {
        var lines = File.ReadAllLines(Path("test_vectors.csv"));
        return lines.Skip(1).Where(l => l.Length > 0).Select(TestVector.Parse).ToArray();
    }
}
