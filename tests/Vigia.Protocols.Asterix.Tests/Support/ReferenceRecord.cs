using System.Text.Json;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>
/// One object of a <c>reference/*.asterix.jsonl</c> file: the record bytes (<c>hexdata</c>) and the items the
/// CroatiaControl asterix tool decoded, already in engineering units (see shared/data/radar/SOURCES.md).
/// </summary>
public sealed record ReferenceRecord(int Category, byte[] Bytes, JsonElement Items)
{
    /// <summary>Reads every line of a reference file (JsonDocument tolerates the duplicate FX/spare keys).</summary>
    public static IReadOnlyList<ReferenceRecord> Load(string fileName)
    {
        var records = new List<ReferenceRecord>();
        foreach (var line in File.ReadLines(Vigia.Testing.TestPaths.SharedData("radar", "reference", fileName)))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var category = root.GetProperty("cat").GetInt32();
            var items = root.GetProperty("CAT" + category.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Clone();
            records.Add(new ReferenceRecord(category, Convert.FromHexString(root.GetProperty("hexdata").GetString()!), items));
        }

        return records;
    }

    /// <summary>The item names present (I010, I140, …, IRE).</summary>
    public IReadOnlySet<string> ItemNames => Items.EnumerateObject().Select(p => p.Name).ToHashSet();

    /// <summary>Item <paramref name="name"/>, or null when absent.</summary>
    public JsonElement? Item(string name) => Items.TryGetProperty(name, out var e) ? e : null;
}
