using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Tests.Format;

/// <summary>
/// The malformed corpus (TestData/malformed): each file holds one file-level fault, which must come
/// out as <c>FILE:LINE:COL: field: reason</c> at the exact place, never as any other exception.
/// </summary>
public sealed partial class ScenarioReaderTests
{
    [Theory]
    [InlineData("empty.json", "1:1: $", "not JSON: the file is empty")]
    [InlineData("top-level-array.json", "1:1: $", "not a cuas-scenario/1 file: expected a JSON object, got an array")]
    [InlineData("unknown-schema.json", "2:13: schema", "unknown schema 'cuas-scenario/2' (this reader reads cuas-scenario/1)")]
    [InlineData("missing-schema.json", "14:1: schema", "missing")]
    [InlineData("missing-epoch.json", "15:1: time.epoch_utc", "missing")]
    [InlineData("missing-sensors.json", "11:1: sensors", "missing")]
    [InlineData("sensors-after-scans.json", "10:3: sensors", "must come before \"scans\" (the file is read as a stream)")]
    [InlineData("missing-scans.json", "9:1: scans", "missing")]
    [InlineData("scans-not-array.json", "8:12: scans", "expected an array, got an object")]
    [InlineData("unsorted-scans.json", "13:11: scans[2].t", "scans are not sorted by time: 1 after 2")]
    [InlineData("unknown-scan-sensor.json", "12:26: scans[1].sensor", "unknown sensor 'radar-9' (not in \"sensors\")")]
    [InlineData("truncated.json", "13:65: scans[1].detections[0]", "truncated file: unexpected end of data")]
    [InlineData("scan-time-out-of-range.json", "10:11: scans[1].t", "1000000000000000 s after the epoch is outside the representable time range")]
    public void ReadAll_MalformedFile_ThrowsAtPositionWithFieldAndReason(string name, string position, string reason)
    {
        var path = Malformed(name);

        var e = Assert.Throws<ScenarioFormatException>(() => ReadAll(path));

        Assert.Equal($"{path}:{position}: {reason}", e.Message);
        Assert.Equal(path, e.File);
        Assert.Equal(reason, e.Reason);
    }

    // The reason after "invalid JSON: " is the runtime's own text, so only its start is pinned.
    [Theory]
    [InlineData("not-json.json", "1:1: $")]
    [InlineData("invalid-json-in-scan.json", "12:15: scans[1]")]
    [InlineData("trailing-content.json", "16:1: $")]
    public void ReadAll_InvalidJson_ThrowsAtTheOffendingByte(string name, string position)
    {
        var path = Malformed(name);

        var e = Assert.Throws<ScenarioFormatException>(() => ReadAll(path));

        Assert.StartsWith($"{path}:{position}: invalid JSON: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_EveryCorpusFile_FailsWithAScenarioFormatException()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "malformed"));

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Throws<ScenarioFormatException>(() => ReadAll(f)));
    }

    private static string Malformed(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "malformed", name);

    private static void ReadAll(string path)
    {
        using var reader = ScenarioReader.Open(path);
        foreach (var scan in reader.ReadScans())
        {
            Assert.NotNull(scan);
        }

        reader.ReadTruth();
    }
}
