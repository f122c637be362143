using System.Text.Json;

namespace Vigia.Protocols.RemoteId.Tests;

/// <summary>Golden vectors: shared/data/remoteid/vectors.jsonl (opendroneid-core-c @ beb5639 as oracle).</summary>
public sealed partial class RemoteIdDecoderTests
{
    // Single-message kinds: the record's `decoded` is the type-specific library decoder's output and
    // `decodeOpenDroneID` the message type the dispatcher returns (SOURCES.md, "Record format").
    [Theory]
    [InlineData("basic_id", 48)]
    [InlineData("location", 121)]
    [InlineData("auth", 29)]
    [InlineData("self_id", 12)]
    [InlineData("system", 39)]
    [InlineData("operator_id", 9)]
    public void EverySingleMessageVector_DecodesExactlyToTheReferenceDecode(string kind, int expectedCount)
    {
        var failures = new List<string>();
        var records = Vectors.Of(kind).ToList();
        foreach (var record in records)
        {
            var status = RemoteIdDecoder.TryDecodeMessage(record.Hex(), out var message, out var error);
            if (status != DecodeStatus.Done)
            {
                failures.Add($"#{record.Id()}: {status} {error}");
                continue;
            }

            if ((int)message.MessageType != record.GetProperty("decodeOpenDroneID").GetInt32())
            {
                failures.Add($"#{record.Id()}: type {message.MessageType}");
            }

            failures.AddRange(Vectors.Differences(record.Decoded(), Vectors.ProjectMessage(message)).Select(d => $"#{record.Id()}{d}"));
        }

        Assert.Equal(expectedCount, records.Count);
        Assert.Empty(failures);
    }

    // Message packs: `decoded` is the aggregated ODID_UAS_Data, valid entries only (SOURCES.md).
    [Fact]
    public void EveryMessagePackVector_DecodesToTheReferenceUasData()
    {
        var records = Vectors.Of("message_pack").ToList();
        var failures = records.SelectMany(r => PackDifferences(r, r.Hex())).ToList();
        Assert.Equal(15, records.Count);
        Assert.Empty(failures);
    }

    // Frame kinds belong to the transport layer; here only the pack (or message) they embed is decoded, cut
    // out at the offsets the generator recorded: Wi-Fi `frame.pack_offset`, BLE `[len][0x16][FA FF][0D][counter]`.
    [Theory]
    [InlineData("wifi_beacon", 10)]
    [InlineData("wifi_nan_action", 10)]
    [InlineData("bt5_ext_adv", 6)]
    public void ThePackEmbeddedInEveryFrameVector_DecodesToTheReferenceUasData(string kind, int expectedCount)
    {
        var records = Vectors.Of(kind).ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var frame = record.Hex();
            var offset = record.GetProperty("frame").TryGetProperty("pack_offset", out var o) ? o.GetInt32() : 6;
            failures.AddRange(PackDifferences(record, frame.AsSpan(offset).ToArray()));
        }

        Assert.Equal(expectedCount, records.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void TheMessageEmbeddedInEveryBluetooth4Vector_DecodesToTheReferenceDecode()
    {
        var records = Vectors.Of("bt4_legacy_adv").ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var message = RemoteIdDecoder.Decode(record.Hex().AsSpan(6, RemoteIdMessage.Size));
            failures.AddRange(Vectors.Differences(record.Decoded(), Vectors.ProjectMessage(message)).Select(d => $"#{record.Id()}{d}"));
        }

        Assert.Equal(12, records.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void ThePackDecodesIntoACallerProvidedSpan_AsIntoTheFixedCapacityValue()
    {
        var record = Vectors.Of("message_pack").Last();
        Span<RemoteIdMessage> destination = new RemoteIdMessage[RemoteIdPackMessages.Capacity];
        var status = RemoteIdDecoder.TryDecodePack(record.Hex(), destination, out var info, out _);
        var pack = RemoteIdDecoder.DecodePack(record.Hex());

        Assert.Equal(DecodeStatus.Done, status);
        Assert.Equal(pack.Count, info.Count);
        for (var i = 0; i < info.Count; i++)
        {
            Assert.Equal(pack.Messages[i].MessageType, destination[i].MessageType);
        }
    }

    internal static IEnumerable<string> PackDifferences(JsonElement record, byte[] packBytes)
    {
        var status = RemoteIdDecoder.TryDecodePack(packBytes, out var pack, out var error);
        if (status != DecodeStatus.Done)
        {
            return [$"#{record.Id()}: {status} {error}"];
        }

        var uas = RemoteIdUasData.FromMessages(pack.Messages);
        return Vectors.Differences(record.Decoded(), Vectors.ProjectUas(uas)).Select(d => $"#{record.Id()}{d}");
    }
}
