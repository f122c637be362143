using Google.Protobuf;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>
/// Vigía's golden frames (shared/data/sapient/examples/vigia-golden, see its SOURCES.md section): each
/// <c>NN_*.frame.bin</c> is a 4-byte little-endian length plus the message bytes encoded by protoc 35.1 (C++) from
/// <c>NN_*.textproto</c>, an encoder independent of ours; <c>NN_*.json</c> is the same message as Google.Protobuf
/// 3.36.2's JsonFormatter wrote it. Our writer must reproduce every frame byte for byte.
/// </summary>
public sealed class SapientGoldenTests
{
    public static TheoryData<string> Golden() =>
    [
        "01_registration_radar",
        "02_registration_ack",
        "03_status_report_radar",
        "04_detection_report_uav",
        "05_alert_zone_entry",
    ];

    [Theory]
    [MemberData(nameof(Golden))]
    public void GoldenFrame_DecodesToTheJsonMessageAndIsRewrittenByteForByte(string name)
    {
        var frame = File.ReadAllBytes(Path.Combine(SapientExamples.Folder("vigia-golden"), name + ".frame.bin"));
        var json = File.ReadAllText(Path.Combine(SapientExamples.Folder("vigia-golden"), name + ".json"));
        var expected = JsonParser.Default.Parse<SapientMessage>(json);

        var decoded = SapientDecoder.DecodeFrame(frame);
        var rewritten = new byte[frame.Length];
        var status = SapientWriter.TryWriteFrame(expected, rewritten, out var written, out var error);

        Assert.Equal(expected, decoded);
        Assert.Equal(SapientStatus.Done, status);
        Assert.Equal(default, error);
        Assert.Equal(frame.Length, written);
        Assert.Equal(frame, rewritten);
        Assert.True(SapientValidator.TryValidate(decoded, out var violation), violation.Message);
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void GoldenJson_IsWhatJsonFormatterWritesForTheDecodedFrame(string name)
    {
        var frame = File.ReadAllBytes(Path.Combine(SapientExamples.Folder("vigia-golden"), name + ".frame.bin"));
        var json = File.ReadAllText(Path.Combine(SapientExamples.Folder("vigia-golden"), name + ".json"));

        var formatted = new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(SapientDecoder.DecodeFrame(frame));

        Assert.Equal(json.TrimEnd('\n'), formatted);
    }

    [Fact]
    public void GoldenDetection_CarriesTheRotaryWingClassificationAndGeodeticLocation()
    {
        var frame = File.ReadAllBytes(Path.Combine(SapientExamples.Folder("vigia-golden"), "04_detection_report_uav.frame.bin"));

        var message = SapientDecoder.DecodeFrame(frame);
        var report = message.DetectionReport;
        var rotary = report.Classification[0].SubClass[0];

        Assert.Equal(295 - SapientFraming.LengthPrefixSize, message.CalculateSize());
        Assert.Equal("6513270e-269e-4d37-b2a7-4de452e6b438", message.NodeId);
        Assert.Equal("01KF1EQV22QJ4J7E61X4WJ8NPY", report.ObjectId);
        Assert.Equal(LocationCoordinateSystem.LatLngDegM, report.Location.CoordinateSystem);
        Assert.Equal(-102.8431, report.Location.X);
        Assert.Equal(19.1987, report.Location.Y);
        Assert.Equal("Air Vehicle", report.Classification[0].Type);
        Assert.Equal("UAV Rotary Wing", rotary.Type);
        Assert.Equal(0.8f, rotary.Confidence);
        Assert.Equal(1, rotary.Level);
    }
}
