using System.Text.Json;
using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Protocols.RemoteId.Tests.Transports;

/// <summary>
/// Golden vectors: the frame records of shared/data/remoteid/vectors.jsonl (opendroneid-core-c @ beb5639,
/// see SOURCES.md) extract the payload their <c>frame</c> object describes and decode to their <c>decoded</c>.
/// </summary>
public sealed partial class RemoteIdTransportTests
{
    [Theory]
    [InlineData("wifi_beacon", TransportKind.WifiBeacon, 10)]
    [InlineData("wifi_nan_action", TransportKind.WifiNan, 10)]
    [InlineData("bt5_ext_adv", TransportKind.Bluetooth5Extended, 6)]
    public void EveryPackFrameVector_ExtractsTheRecordsCounterSenderAndPack_AndDecodesToItsUasData(string kind, TransportKind transport, int expectedCount)
    {
        var records = Vectors.Of(kind).ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var frame = record.Hex();
            var info = record.GetProperty("frame");
            var status = RemoteIdTransport.TryExtract(frame, transport, out var payload, out var error);
            if (status != TransportStatus.Done)
            {
                failures.Add($"#{record.Id()}: {status} {error}");
                continue;
            }

            Assert.Equal(transport, payload.Kind);
            Assert.Equal(PayloadFormat.MessagePack, payload.Format);
            Assert.Equal(info.GetProperty("message_counter").GetInt32(), payload.MessageCounter);
            if (info.TryGetProperty("pack_offset", out var packOffset))
            {
                Assert.Equal(packOffset.GetInt32(), payload.Offset);
            }

            if (info.TryGetProperty("pack_len", out var packLength))
            {
                Assert.Equal(packLength.GetInt32(), payload.Length);
            }

            Assert.Equal(info.TryGetProperty("sa", out var sa), payload.HasSender);
            if (payload.HasSender)
            {
                Assert.Equal(sa.GetString(), payload.Sender.ToString().Replace(":", "", StringComparison.Ordinal));
            }

            failures.AddRange(PackDifferences(record, payload.Slice(frame)));
        }

        Assert.Equal(expectedCount, records.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void EveryBluetooth4Vector_ExtractsOneMessageAndTheCounter_AndDecodesToTheReferenceDecode()
    {
        var records = Vectors.Of("bt4_legacy_adv").ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var frame = record.Hex();
            Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtract(frame, TransportKind.Bluetooth4Legacy, out var payload, out _));
            Assert.Equal(record.GetProperty("frame").GetProperty("message_counter").GetInt32(), payload.MessageCounter);
            Assert.Equal(PayloadFormat.SingleMessage, payload.Format);
            Assert.Equal(RemoteIdMessage.Size, payload.Length);
            Assert.False(payload.HasSender);

            // Without the kind, 31 bytes holding one message are taken as legacy too.
            Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtractBluetoothAdvertisingData(frame, out var guessed, out _));
            Assert.Equal(TransportKind.Bluetooth4Legacy, guessed.Kind);

            Assert.Equal(DecodeStatus.Done, RemoteIdDecoder.TryDecodeMessage(payload.Slice(frame), out var message, out _));
            failures.AddRange(Vectors.Differences(record.Decoded(), Vectors.ProjectMessage(message)).Select(d => $"#{record.Id()}{d}"));
        }

        Assert.Equal(12, records.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void TheNanSynchronisationBeaconVector_GivesNoPayload_AsTheNanTransport()
    {
        var record = Assert.Single(Vectors.Of("wifi_nan_sync_beacon"));
        var status = RemoteIdTransport.TryExtract(record.Hex(), TransportKind.WifiNan, out var payload, out _);

        Assert.Equal(TransportStatus.NoPayload, status);
        Assert.Equal(TransportKind.WifiNan, payload.Kind);
        Assert.Equal(record.GetProperty("frame").GetProperty("sa").GetString(), payload.Sender.ToString().Replace(":", "", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, record.Decoded().ValueKind);
    }

    internal static IEnumerable<string> PackDifferences(JsonElement record, ReadOnlySpan<byte> pack)
    {
        var status = RemoteIdDecoder.TryDecodePack(pack, out var decoded, out var error);
        if (status != DecodeStatus.Done)
        {
            return [$"#{record.Id()}: pack {status} {error}"];
        }

        var uas = RemoteIdUasData.FromMessages(decoded.Messages);
        return Vectors.Differences(record.Decoded(), Vectors.ProjectUas(uas)).Select(d => $"#{record.Id()}{d}");
    }
}
