using System.Text.Json;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary><c>vigia decode --asterix</c> on the shared radar recordings (shared/data/radar, SOURCES.md).</summary>
public sealed partial class DecodeCommandTests
{
    private static List<JsonElement> JsonLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Asterix_RedundantCapture_EveryRecordMatchesTheReferenceTool_AndEveryCopyIsMarked()
    {
        var (code, stdout, stderr) = Run("decode", "--asterix", TestPaths.SharedData("radar", "cat_034_048.pcap"), "--jsonl");

        Assert.Equal(0, code);
        var lines = JsonLines(stdout);
        var reference = JsonLines(File.ReadAllText(TestPaths.SharedData("radar", "reference", "cat_034_048.pcap.asterix.jsonl")));
        Assert.Equal(reference.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, want) = (lines[i], reference[i]);
            var category = want.GetProperty("cat").GetInt32();
            var items = want.GetProperty($"CAT{category:000}");
            Assert.Equal(category, line.GetProperty("cat").GetInt32());
            Assert.Equal((items.GetProperty("I010").GetProperty("SAC").GetInt32(), items.GetProperty("I010").GetProperty("SIC").GetInt32()), (line.GetProperty("sac").GetInt32(), line.GetProperty("sic").GetInt32()));
            if (category == 48 && items.TryGetProperty("I040", out var polar))
            {
                Assert.Equal(polar.GetProperty("RHO").GetDouble(), line.GetProperty("rho_nm").GetDouble(), 1e-6); // the tool prints 7 decimals
                Assert.Equal(polar.GetProperty("THETA").GetDouble(), line.GetProperty("theta_deg").GetDouble(), 1e-6);
            }
        }

        // Every record comes twice (two networks): the second copy of each is marked.
        Assert.Equal(64 + 17, lines.Count(l => l.GetProperty("duplicate").GetBoolean()));
        var dlh = lines.First(l => l.TryGetProperty("callsign", out var c) && c.GetString() == "DLH65A");
        Assert.Equal(("3C660C", 330.0, "1000", "07:35:54.601"), (dlh.GetProperty("icao").GetString(), dlh.GetProperty("fl").GetDouble(), dlh.GetProperty("mode3a").GetString(), dlh.GetProperty("tod").GetString()));
        Assert.Contains("records 162 (duplicates 81), refused 0", stderr, StringComparison.Ordinal);
        Assert.Contains("25/204 30 (15 duplicates)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Asterix_RawFile_IsReadAsConcatenatedBlocks()
    {
        var (code, stdout, _) = Run("decode", "--asterix", TestPaths.SharedData("radar", "cat062cat065.raw"));

        Assert.Equal(0, code);
        Assert.Contains("cat 62  sac 25  sic 100  tod 08:35:11.664  track 4980", stdout, StringComparison.Ordinal);
        Assert.Contains("cat 65  sac 25  sic 100  tod 08:35:13.054  message EndOfBatch", stdout, StringComparison.Ordinal);
        Assert.Contains("records 3 (duplicates 0), refused 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Asterix_Cat062Edition017_IsRefusedWithItsReason_NeverDecodedToValues()
    {
        var file = TestPaths.SharedData("radar", "asterix.pcap");

        var (declared, stdout, _) = Run("decode", "--asterix", file, "--cat062-edition", "0.17", "--jsonl");
        Assert.Equal(0, declared);
        Assert.All(JsonLines(stdout), l => Assert.Equal(("unsupported", "I062"), (l.GetProperty("status").GetString(), l.GetProperty("item").GetString()![..4])));

        // Assumed 1.x (the default): every record is refused as malformed at a named item, none printed with values.
        var (assumed, text, _) = Run("decode", "--asterix", file, "--jsonl");
        Assert.Equal(0, assumed);
        var lines = JsonLines(text);
        Assert.Equal(100, lines.Count);
        Assert.All(lines, l => Assert.Equal("malformed", l.GetProperty("status").GetString()));
    }

    [Fact]
    public void Asterix_TruncatedCapture_PrintsWhatCameBefore_AndExitsWithTheOffset()
    {
        var whole = File.ReadAllBytes(TestPaths.SharedData("radar", "cat_034_048.pcap"));
        var cut = Path.Combine(TestPaths.NewTempDirectory(), "cut.pcap");
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);

        var (code, stdout, stderr) = Run("decode", "--asterix", cut, "--summary");

        Assert.Equal(2, code);
        Assert.Matches("^packets [1-9][0-9]* ", stdout);
        Assert.Matches("cut.pcap: byte [0-9]+: ", stderr);
    }

    [Theory]
    [InlineData("--cat062-edition", "2")]
    [InlineData("--ports", "0")]
    public void Asterix_BadOption_IsAUsageError(string option, string value)
    {
        var (code, _, stderr) = Run("decode", "--asterix", TestPaths.SharedData("radar", "cat048.raw"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }
}
