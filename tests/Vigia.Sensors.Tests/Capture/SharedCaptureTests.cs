using System.Text.Json;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.Capture;

/// <summary>
/// The three real captures of shared/data/remoteid (opendroneid/wireshark-dissector, see SOURCES.md):
/// frame counts, extraction counts and, per frame, the counter, sender and payload bytes against
/// reference/*.odid-core-c.jsonl (opendroneid-core-c @ beb5639).
/// </summary>
public sealed class SharedCaptureTests
{
    private sealed record Frame(int Number, TransportStatus Status, TransportErrorCode Code, TransportKind Kind, int Counter, string Sender, string PayloadHex, DecodeStatus PackStatus);

    private static List<Frame> ReadAll(string file, out CaptureLinkType? linkType)
    {
        using var reader = CaptureReader.TryOpen(File.OpenRead(TestPaths.SharedData("remoteid", file)), leaveOpen: false, out var openError)
            ?? throw new InvalidOperationException(openError.Message);
        var frames = new List<Frame>();
        CaptureReadStatus status;
        while ((status = reader.ReadNext(out var record)) == CaptureReadStatus.Record)
        {
            var extracted = CaptureFrameExtractor.TryExtract(record.Data, record.LinkType, out var payload, out var error);
            var packStatus = DecodeStatus.InvalidData;
            var hex = "";
            if (extracted == TransportStatus.Done)
            {
                var bytes = payload.Slice(record.Data);
                hex = Convert.ToHexStringLower(bytes);
                packStatus = RemoteIdDecoder.TryDecodePack(bytes, out _, out _);
            }

            frames.Add(new Frame(frames.Count + 1, extracted, error.Code, payload.Kind, payload.MessageCounter, payload.HasSender ? payload.Sender.ToString().Replace(":", "", StringComparison.Ordinal) : "", hex, packStatus));
        }

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        Assert.False(reader.IsFaulted);
        linkType = reader.FileLinkType;
        return frames;
    }

    private static Dictionary<int, JsonElement> Reference(string file) =>
        File.ReadLines(TestPaths.SharedData("remoteid", "reference", file))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToDictionary(r => int.Parse(r.GetProperty("frame").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> CompareWithReference(List<Frame> frames, Dictionary<int, JsonElement> reference)
    {
        var diffs = new List<string>();
        foreach (var (number, expected) in reference)
        {
            if (!expected.TryGetProperty("odid_hex", out var odidHex))
            {
                continue;
            }

            var frame = frames[number - 1];
            if (frame.PayloadHex != odidHex.GetString())
            {
                diffs.Add($"frame {number}: payload {frame.Status} {frame.Code}");
            }

            if (frame.Counter != expected.GetProperty("message_counter").GetInt32())
            {
                diffs.Add($"frame {number}: counter {frame.Counter}");
            }

            if (expected.TryGetProperty("sa", out var sa) && frame.Sender != sa.GetString())
            {
                diffs.Add($"frame {number}: sender {frame.Sender}");
            }
        }

        return diffs;
    }

    [Fact]
    public void TheWifiSample_Has63Frames_Of42CarryRemoteId_21NanAnd21Beacons_AsTheReference()
    {
        var frames = ReadAll("odid_wifi_sample.pcap", out var linkType);

        Assert.Equal(CaptureLinkType.Ieee80211Radiotap, linkType);
        Assert.Equal(63, frames.Count);
        Assert.Equal(21, frames.Count(f => f.Status == TransportStatus.Done && f.Kind == TransportKind.WifiNan));
        Assert.Equal(21, frames.Count(f => f.Status == TransportStatus.Done && f.Kind == TransportKind.WifiBeacon));
        Assert.Equal(21, frames.Count(f => f.Status == TransportStatus.NoPayload)); // NAN synchronisation beacons
        Assert.Equal(42, frames.Count(f => f.PackStatus == DecodeStatus.Done));

        var reference = Reference("odid_wifi_sample.odid-core-c.jsonl");
        Assert.Equal(42, reference.Count);
        Assert.Empty(CompareWithReference(frames, reference));
    }

    [Fact]
    public void TheWifiBeaconSample_Has21Beacons_AllCarryingThePackTheReferenceDecodes()
    {
        var frames = ReadAll("odid_wifi_bcn_sample.pcap", out var linkType);

        Assert.Equal(CaptureLinkType.Ieee80211Radiotap, linkType);
        Assert.Equal(21, frames.Count);
        Assert.All(frames, f => Assert.Equal((TransportStatus.Done, TransportKind.WifiBeacon, DecodeStatus.Done), (f.Status, f.Kind, f.PackStatus)));
        Assert.All(frames, f => Assert.Equal("84cca8604324", f.Sender));

        var reference = Reference("odid_wifi_bcn_sample.odid-core-c.jsonl");
        Assert.Equal(21, reference.Count);
        Assert.Empty(CompareWithReference(frames, reference));
    }

    [Fact]
    public void TheBluetooth5Sample_Has274Frames_30WithBadCrc_AndTheGoodOnesCarryTheReferencePayloads()
    {
        var frames = ReadAll("odid_bt5_lr_sample.pcapng", out var linkType);

        Assert.Equal(CaptureLinkType.NordicBle, linkType);
        Assert.Equal(274, frames.Count);
        var badCrc = frames.Where(f => f.Code == TransportErrorCode.BadCrc).ToList();
        Assert.Equal(30, badCrc.Count);
        var good = frames.Except(badCrc).ToList();
        Assert.All(good, f => Assert.Equal((TransportStatus.Done, TransportKind.Bluetooth5Extended, "e07deaeb2f1c"), (f.Status, f.Kind, f.Sender)));
        Assert.Equal(225, good.Count(f => f.PackStatus == DecodeStatus.Done));
        Assert.Equal(19, good.Count(f => f.PackStatus != DecodeStatus.Done)); // the count-0 packs

        // The reference's CRC flag agrees frame by frame; good-CRC frames match its counter and pack bytes.
        var reference = Reference("odid_bt5_lr_sample.odid-core-c.jsonl");
        foreach (var (number, expected) in reference)
        {
            Assert.Equal(expected.GetProperty("nordic_crc_ok").GetBoolean(), frames[number - 1].Code != TransportErrorCode.BadCrc);
        }

        var goodReference = reference.Where(r => r.Value.GetProperty("nordic_crc_ok").GetBoolean()).ToDictionary();
        Assert.Equal(244, goodReference.Count);
        Assert.Empty(CompareWithReference(frames, goodReference));
    }
}
