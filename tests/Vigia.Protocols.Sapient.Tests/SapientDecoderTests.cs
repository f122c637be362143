using Google.Protobuf;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>Malformed protobuf payloads: each gives a specific error code, byte offset and field path, never an exception.</summary>
public sealed class SapientDecoderTests
{
    [Fact]
    public void TryDecode_GoldenPayload_IsDone()
    {
        var frame = GoldenFrames.Frame("05_alert_zone_entry");

        var status = SapientDecoder.TryDecode(frame.AsSpan(4), out var message, out var error);

        Assert.Equal(SapientStatus.Done, status);
        Assert.Equal(default, error);
        Assert.Equal(GoldenFrames.Message("05_alert_zone_entry"), message);
    }

    [Fact]
    public void TryDecode_LengthOfTimestampMissing_IsTruncatedVarintAtOffset1()
    {
        AssertError([0x0A], new SapientError(SapientErrorCode.TruncatedVarint, 1, "timestamp"));
    }

    [Fact]
    public void TryDecode_NodeIdLongerThanTheMessage_IsLengthExceedsMessageAtOffset1()
    {
        AssertError([0x12, 0x05, (byte)'a'], new SapientError(SapientErrorCode.LengthExceedsMessage, 1, "node_id", 1, 5));
    }

    [Fact]
    public void TryDecode_TruncatedDoubleInsideANestedLocation_NamesTheFullPath()
    {
        // detection_report { location { x: <3 of 8 bytes> } }
        AssertError(
            [0x3A, 0x06, 0x32, 0x04, 0x09, 0x01, 0x02, 0x03],
            new SapientError(SapientErrorCode.TruncatedFixed, 5, "detection_report.location.x", 8, 3));
    }

    [Fact]
    public void TryDecode_FieldNumberZero_IsInvalidTag()
    {
        AssertError([0x00], new SapientError(SapientErrorCode.InvalidTag, 0, "#0", -1, 0));
    }

    [Fact]
    public void TryDecode_WireType7_IsInvalidTag()
    {
        AssertError([0x0F], new SapientError(SapientErrorCode.InvalidTag, 0, "timestamp", -1, 0x0F));
    }

    [Fact]
    public void TryDecode_TagVarintRunningOffTheEnd_IsTruncatedVarintAtOffset0()
    {
        AssertError([0x80, 0x80], new SapientError(SapientErrorCode.TruncatedVarint, 0, "message"));
    }

    [Fact]
    public void TryDecode_NodeIdNotUtf8_IsInvalidProtobufAtTheStringBytes()
    {
        AssertError([0x12, 0x02, 0xC3, 0x28], new SapientError(SapientErrorCode.InvalidProtobuf, 2, "node_id"));
    }

    [Fact]
    public void TryDecode_SubClassesNestedPastTheRecursionLimit_IsNestingTooDeep()
    {
        var subClass = new DetectionReport.Types.SubClass { Type = "leaf", Level = 200 };
        for (var level = 199; level > 0; level--)
        {
            subClass = new DetectionReport.Types.SubClass { Type = "x", Level = level, SubClass_ = { subClass } };
        }

        var message = new SapientMessage { DetectionReport = new DetectionReport { Classification = { new DetectionReport.Types.DetectionReportClassification { Type = "t", SubClass = { subClass } } } } };

        var status = SapientDecoder.TryDecode(message.ToByteArray(), out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(SapientErrorCode.NestingTooDeep, error.Code);
        Assert.StartsWith("detection_report.classification.sub_class.sub_class.", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_UnknownGroupField_IsSkippedAsTheRuntimeDoes()
    {
        // node_id "n", then field 99 as a start-group/end-group pair holding a varint field 1.
        var status = SapientDecoder.TryDecode([0x12, 0x01, (byte)'n', 0x9B, 0x06, 0x08, 0x01, 0x9C, 0x06], out var message, out _);

        Assert.Equal(SapientStatus.Done, status);
        Assert.Equal("n", message.NodeId);
    }

    [Fact]
    public void TryDecode_MultiSegmentPayload_GivesTheSameResultsAsOneSpan()
    {
        var good = GoldenFrames.Frame("01_registration_radar")[4..];
        byte[] bad = [0x3A, 0x06, 0x32, 0x04, 0x09, 0x01, 0x02, 0x03];

        Assert.Equal(SapientStatus.Done, SapientDecoder.TryDecode(Segments.Split(good, 7, 100, 101), out var message, out _));
        Assert.Equal(SapientStatus.InvalidData, SapientDecoder.TryDecode(Segments.Split(bad, 3, 5), out _, out var error));
        Assert.Equal(GoldenFrames.Registration(), message);
        Assert.Equal(new SapientError(SapientErrorCode.TruncatedFixed, 5, "detection_report.location.x", 8, 3), error);
    }

    [Fact]
    public void Decode_BadBytes_ThrowsSapientDecodeExceptionCarryingTheError()
    {
        var exception = Assert.Throws<SapientDecodeException>(() => SapientDecoder.Decode([0x12, 0x05, (byte)'a']));

        Assert.Equal(SapientErrorCode.LengthExceedsMessage, exception.Error.Code);
        Assert.Equal("LengthExceedsMessage at byte 1 (node_id): expected 1, got 5", exception.Message);
    }

    private static void AssertError(byte[] payload, SapientError expected)
    {
        var status = SapientDecoder.TryDecode(payload, out var message, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Null(message);
        Assert.Equal(expected, error);
    }
}
