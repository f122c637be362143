using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Protocols.RemoteId.Tests.Transports;

/// <summary>Malformed corpus: the frame-level records of shared/data/remoteid/malformed.jsonl.</summary>
public sealed partial class RemoteIdTransportTests
{
    public static TheoryData<int, TransportStatus, TransportErrorCode, string> RejectedFrames => new()
    {
        { 106, TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, "DestinationAddress" },
        { 108, TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedValue, "PublicAction.Action" },
        { 110, TransportStatus.NotRemoteId, TransportErrorCode.UnexpectedValue, "PublicAction.OuiType" },
        { 112, TransportStatus.NotRemoteId, TransportErrorCode.NoRemoteIdElement, "ServiceDescriptor.ServiceId" },
        { 114, TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, "ServiceDescriptor.ServiceControl" },
        { 116, TransportStatus.InvalidData, TransportErrorCode.LengthMismatch, "ServiceDescriptor.Length" },
        { 120, TransportStatus.InvalidData, TransportErrorCode.UnexpectedValue, "ServiceDescriptorExtension.Control" },
        { 122, TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, "ServiceDescriptorExtension.Length" },
        { 124, TransportStatus.InvalidData, TransportErrorCode.Truncated, "PublicAction.Header" },
        { 128, TransportStatus.NotRemoteId, TransportErrorCode.NoRemoteIdElement, "VendorIe" },
        { 130, TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, "Element.Length" },
        { 134, TransportStatus.InvalidData, TransportErrorCode.LengthOverrun, "Element.Length" },
    };

    [Theory]
    [MemberData(nameof(RejectedFrames))]
    public void AMalformedFrameTheReferenceRejects_IsRejectedByTheTransportWithASpecificError(int id, TransportStatus expectedStatus, TransportErrorCode code, string field)
    {
        var record = Vectors.Malformed("wifi_nan_action").Concat(Vectors.Malformed("wifi_beacon")).Single(r => r.Id() == id);
        Assert.False(record.GetProperty("library_ok").GetBoolean());

        var status = RemoteIdTransport.TryExtract(record.Hex(), TransportKind.WifiBeacon, out _, out var error);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.InRange(error.Offset, 0, record.Hex().Length);
    }

    [Theory]
    [InlineData(118, RemoteIdErrorCode.PackSingleMessageSizeInvalid)]
    [InlineData(132, RemoteIdErrorCode.PackTruncated)]
    public void AFrameWhoseFaultIsInsideThePack_IsExtractedAndThenRejectedByThePackDecoder(int id, RemoteIdErrorCode code)
    {
        var record = Vectors.Malformed("wifi_nan_action").Concat(Vectors.Malformed("wifi_beacon")).Single(r => r.Id() == id);
        var frame = record.Hex();

        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtract(frame, TransportKind.WifiNan, out var payload, out _));
        Assert.Equal(DecodeStatus.InvalidData, RemoteIdDecoder.TryDecodePack(payload.Slice(frame), out _, out var error));
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData(104)]
    [InlineData(126)]
    [InlineData(136)]
    public void AMalformedCorpusControlFrameTheReferenceAccepts_DecodesToItsDecode(int id)
    {
        var record = Vectors.Malformed("wifi_nan_action").Concat(Vectors.Malformed("wifi_beacon")).Single(r => r.Id() == id);
        var frame = record.Hex();

        Assert.True(record.GetProperty("library_ok").GetBoolean());
        Assert.Equal(TransportStatus.Done, RemoteIdTransport.TryExtract(frame, TransportKind.WifiBeacon, out var payload, out _));
        Assert.Empty(PackDifferences(record, payload.Slice(frame)));
    }

    [Fact]
    public void EveryFrameLevelMalformedRecord_NeverThrowsThroughAnyEntryPoint()
    {
        foreach (var record in Vectors.Malformed("wifi_nan_action").Concat(Vectors.Malformed("wifi_beacon")))
        {
            var frame = record.Hex();
            _ = RemoteIdTransport.TryExtractWifi(frame, includesFcs: false, out _, out _);
            _ = RemoteIdTransport.TryExtractWifi(frame, includesFcs: true, out _, out _);
            _ = RemoteIdTransport.TryExtractRadiotap(frame, out _, out _);
            _ = RemoteIdTransport.TryExtractBluetoothAdvertisingData(frame, out _, out _);
            _ = RemoteIdTransport.TryExtractAdvertisingPdu(frame, out _, out _);
        }
    }
}
