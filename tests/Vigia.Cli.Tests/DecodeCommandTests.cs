using System.Text.Json;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary><c>vigia decode</c> on the shared Remote ID vectors and captures.</summary>
public sealed partial class DecodeCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The vector file's kinds as <c>--hex-lines</c> kinds (issue 4, item 6).</summary>
    private static string? LineKind(string kind) => kind switch
    {
        "message_pack" => "pack",
        "bt4_legacy_adv" or "bt5_ext_adv" => "ble",
        _ when kind.StartsWith("wifi_", StringComparison.Ordinal) => "wifi",
        "basic_id" or "location" or "auth" or "self_id" or "system" or "operator_id" => "message",
        "message" or "message_truncated" => "message",
        _ => null,
    };

    [Fact]
    public void HexLines_EveryVector_DecodesToTheReferenceDecode()
    {
        var records = File.ReadAllLines(TestPaths.SharedData("remoteid", "vectors.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var input = Path.Combine(TestPaths.NewTempDirectory(), "vectors.txt");
        File.WriteAllLines(input, records.Select(r => $"{LineKind(r.GetProperty("kind").GetString()!)} {r.GetProperty("hex").GetString()}"));

        var (code, stdout, _) = Run("decode", "--hex-lines", input);

        Assert.Equal(0, code);
        var outputs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(records.Count, outputs.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < records.Count; i++)
        {
            var expected = records[i].GetProperty("decoded");
            var actual = outputs[i];
            if (!actual.GetProperty("ok").GetBoolean())
            {
                mismatches.Add($"record {records[i].GetProperty("id")}: {actual}");
                continue;
            }

            if (!JsonEquivalent(expected, actual.GetProperty("decoded"), out var where))
            {
                mismatches.Add($"record {records[i].GetProperty("id")} ({records[i].GetProperty("kind")}): {where}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(10)));
    }

    [Fact]
    public void HexLines_MalformedInputs_GiveOneObjectPerLineAndNeverStop()
    {
        var records = File.ReadAllLines(TestPaths.SharedData("remoteid", "malformed.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("hex", out _))
            .ToList();
        var lines = records.Select(r => $"{LineKind(r.GetProperty("kind").GetString()!) ?? "message"} {r.GetProperty("hex").GetString()}")
            .Concat(["wifi", "pack 0g", "satellite 00", "message 0"]).ToList();
        var input = Path.Combine(TestPaths.NewTempDirectory(), "malformed.txt");
        File.WriteAllLines(input, lines);

        var (code, stdout, stderr) = Run("decode", "--hex-lines", input);

        Assert.Equal(0, code);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var outputs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines.Count, outputs.Count);
        for (var i = 0; i < records.Count; i++)
        {
            // The reference's verdict: accepted (true) must decode; rejected (false) or unseen (null) must be refused.
            var verdict = records[i].TryGetProperty("library_ok", out var ok) ? ok : default;
            if (verdict.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
            {
                Assert.True(verdict.ValueKind == JsonValueKind.True == outputs[i].GetProperty("ok").GetBoolean(), $"record {records[i].GetProperty("id")}: {outputs[i]}");
            }
        }

        Assert.All(outputs[^4..], o =>
        {
            Assert.False(o.GetProperty("ok").GetBoolean());
            Assert.Equal("BadInputLine", o.GetProperty("error").GetProperty("code").GetString());
        });
    }

    [Theory]
    [InlineData("odid_wifi_sample.pcap", "frames read 63, Remote ID frames 42, decoded 42, rejected 0, CRC-failed skipped 0")]
    [InlineData("odid_wifi_bcn_sample.pcap", "frames read 21, Remote ID frames 21, decoded 21, rejected 0, CRC-failed skipped 0")]
    [InlineData("odid_bt5_lr_sample.pcapng", "frames read 274, Remote ID frames 244, decoded 225, rejected 19 (PackMessageCountOutOfRange=19), CRC-failed skipped 30")]
    public void Capture_SharedCaptures_MatchTheReferenceCounts(string file, string expectedSummary)
    {
        var (code, stdout, _) = Run("decode", TestPaths.SharedData("remoteid", file));

        Assert.Equal(0, code);
        Assert.Contains(expectedSummary, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_JsonLines_OneParsableObjectPerRemoteIdFrameAndTheSummaryOnStderr()
    {
        var (code, stdout, stderr) = Run("decode", TestPaths.SharedData("remoteid", "odid_wifi_bcn_sample.pcap"), "--jsonl");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        Assert.All(lines, l => Assert.Equal("uas", JsonDocument.Parse(l).RootElement.GetProperty("result").GetProperty("type").GetString()));
        Assert.Contains("drones seen 1", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("odid_wifi_sample", 42)]
    [InlineData("odid_wifi_bcn_sample", 21)]
    [InlineData("odid_bt5_lr_sample", 225)]
    public void Capture_EveryDecodedFrame_EqualsTheReferenceDecode(string capture, int expectedCompared)
    {
        // reference/*.odid-core-c.jsonl: the same frames decoded by opendroneid-core-c (BT5: good-CRC frames only).
        var reference = File.ReadAllLines(TestPaths.SharedData("remoteid", "reference", capture + ".odid-core-c.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("decoded", out var d) && d.ValueKind == JsonValueKind.Object &&
                (!r.TryGetProperty("nordic_crc_ok", out var crc) || crc.GetBoolean()))
            .ToDictionary(r => long.Parse(r.GetProperty("frame").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var extension = capture.Contains("bt5", StringComparison.Ordinal) ? ".pcapng" : ".pcap";

        var (code, stdout, _) = Run("decode", TestPaths.SharedData("remoteid", capture + extension), "--jsonl");

        Assert.Equal(0, code);
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var frame = JsonDocument.Parse(line).RootElement;
            var result = frame.GetProperty("result");
            if (!result.GetProperty("ok").GetBoolean())
            {
                continue;
            }

            Assert.True(reference.TryGetValue(frame.GetProperty("frame").GetInt64(), out var expected), $"frame {frame.GetProperty("frame")} decoded but the reference has no decode");
            compared++;
            if (!JsonEquivalent(expected.GetProperty("decoded"), result.GetProperty("decoded"), out var where))
            {
                mismatches.Add($"frame {frame.GetProperty("frame")}: {where}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(10)));
        Assert.Equal(expectedCompared, compared);
    }

    [Fact]
    public void Capture_SummaryOnly_PrintsJustTheSummary()
    {
        var (code, stdout, _) = Run("decode", TestPaths.SharedData("remoteid", "odid_bt5_lr_sample.pcapng"), "--summary");

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("frames read 274, Remote ID frames 244, decoded 225", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_SummaryAndJsonLinesTogether_IsAUsageError()
    {
        var (code, _, stderr) = Run("decode", TestPaths.SharedData("remoteid", "odid_bt5_lr_sample.pcapng"), "--summary", "--jsonl");

        Assert.Equal(2, code);
        Assert.Contains("--summary and --jsonl", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_NotACaptureFile_IsBadInputWithTheByteOffset()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "not-a-capture.pcap");
        File.WriteAllText(path, "this is not a capture file");

        var (code, _, stderr) = Run("decode", path);

        Assert.Equal(2, code);
        Assert.Contains(path + ": byte 0:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_TruncatedCapture_DecodesWhatCameBeforeAndReportsWhere()
    {
        var bytes = File.ReadAllBytes(TestPaths.SharedData("remoteid", "odid_wifi_bcn_sample.pcap"));
        var path = Path.Combine(TestPaths.NewTempDirectory(), "truncated.pcap");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var (code, stdout, stderr) = Run("decode", path);

        Assert.Equal(2, code);
        Assert.Matches(@"decoded \d+", stdout);
        Assert.Contains(path + ": byte ", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Structural equality with the reference's float precision: numbers equal after rounding to
    /// single precision, or to 1e-9 relative (doubles printed with %.17g).
    /// </summary>
    private static bool JsonEquivalent(JsonElement expected, JsonElement actual, out string where)
    {
        where = "";
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            var e = expected.GetDouble();
            var a = actual.GetDouble();
            var same = (float)e == (float)a || Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e));
            where = same ? "" : $"{e} != {a}";
            return same;
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            where = $"{expected.ValueKind} != {actual.ValueKind} ({actual})";
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var other))
                    {
                        where = $"missing {property.Name}";
                        return false;
                    }

                    if (!JsonEquivalent(property.Value, other, out var inner))
                    {
                        where = $"{property.Name}: {inner}";
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var left = expected.EnumerateArray().ToList();
                var right = actual.EnumerateArray().ToList();
                if (left.Count != right.Count)
                {
                    where = $"array length {left.Count} != {right.Count}";
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!JsonEquivalent(left[i], right[i], out var inner))
                    {
                        where = $"[{i}]: {inner}";
                        return false;
                    }
                }

                return true;
            default:
                var equal = expected.ToString() == actual.ToString();
                where = equal ? "" : $"'{expected}' != '{actual}'";
                return equal;
        }
    }
}
