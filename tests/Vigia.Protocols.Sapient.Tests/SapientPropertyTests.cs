using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Google.Protobuf.WellKnownTypes;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>
/// Property tests: random and mutated bytes never make the framer, decoder, validator or conversation throw, and
/// errors stay inside the input; random DetectionReports survive a frame round trip.
/// </summary>
public sealed class SapientPropertyTests
{
    private static readonly string[] Goldens =
        ["01_registration_radar", "02_registration_ack", "03_status_report_radar", "04_detection_report_uav", "05_alert_zone_entry"];

    [Property(MaxTest = 3000)]
    public void RandomBytes_NeverThrowAndErrorsStayInsideTheInput(byte[] bytes) => Exercise(bytes);

    [Property(MaxTest = 2000)]
    public Property GoldenFramesMutatedAndCut_NeverThrow() => Prop.ForAll(MutatedGolden(), Exercise);

    [Property(MaxTest = 500)]
    public Property RandomDetectionReport_RoundTripsThroughAFrame() => Prop.ForAll(RandomDetection(), message =>
    {
        var frame = SapientWriter.ToFrame(message);
        var buffer = Segments.Split(frame, frame.Length / 3, frame.Length / 2);

        Assert.Equal(SapientStatus.Done, SapientFrameReader.TryReadFrame(ref buffer, SapientFraming.DefaultMaxFrameLength, 0, out var payload, out _));
        Assert.Equal(SapientStatus.Done, SapientDecoder.TryDecode(payload, out var decoded, out _));
        Assert.Equal(message, decoded);
        Assert.True(buffer.IsEmpty);
        _ = SapientValidator.ValidateAll(decoded);
    });

    private static void Exercise(byte[] bytes)
    {
        var status = SapientFrameReader.TryReadFrame(bytes, SapientFraming.DefaultMaxFrameLength, out var framePayload, out var consumed, out var error);
        switch (status)
        {
            case SapientStatus.Done:
                Assert.InRange(consumed, SapientFraming.LengthPrefixSize + 1, bytes.Length);
                Assert.Equal(consumed - SapientFraming.LengthPrefixSize, framePayload.Length);
                break;
            case SapientStatus.InvalidData:
                Assert.NotEqual(SapientErrorCode.None, error.Code);
                Assert.Equal(0, error.Offset);
                break;
        }

        var sequence = Segments.Split(bytes, bytes.Length / 2);
        var sequenceStatus = SapientFrameReader.TryReadFrame(ref sequence, SapientFraming.DefaultMaxFrameLength, 7, out _, out var sequenceError);
        Assert.Equal(status, sequenceStatus);
        Assert.Equal(status == SapientStatus.InvalidData ? error with { Offset = 7 } : default, sequenceError);

        Assert.NotEqual(SapientStatus.NeedMoreData, SapientFrameReader.TryReadSingleFrame(bytes, SapientFraming.DefaultMaxFrameLength, out _, out _));
        Decode(bytes);
        if (status == SapientStatus.Done)
        {
            Decode(framePayload.ToArray());
        }
    }

    private static void Decode(byte[] payload)
    {
        var status = SapientDecoder.TryDecode(payload, out var message, out var error);
        if (status != SapientStatus.Done)
        {
            Assert.Equal(SapientStatus.InvalidData, status);
            Assert.NotEqual(SapientErrorCode.None, error.Code);
            Assert.InRange(error.Offset, 0, payload.Length);
            Assert.False(string.IsNullOrEmpty(error.Field));
            return;
        }

        var all = SapientValidator.ValidateAll(message);
        Assert.Equal(all.Count == 0, SapientValidator.TryValidate(message, out var first));
        Assert.Equal(all.Count == 0 ? default : all[0], first);
        _ = new SapientConversation().TryAccept(message, out _);
        var writer = new ArrayBufferWriter<byte>();
        Assert.Equal(payload.Length == 0 ? SapientStatus.InvalidData : SapientStatus.Done, SapientWriter.TryWriteFrame(message, writer, out _));
    }

    private static Arbitrary<byte[]> MutatedGolden()
    {
        var frames = Goldens.Select(GoldenFrames.Frame).ToArray();
        var mutated =
            from index in Gen.Choose(0, frames.Length - 1)
            from cutFraction in Gen.Choose(0, 100)
            from flips in Gen.ListOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 255)))
            select Mutate(frames[index], cutFraction, flips);
        return mutated.ToArbitrary();
    }

    private static byte[] Mutate(byte[] frame, int cutFraction, IEnumerable<(int Position, int Value)> flips)
    {
        var copy = frame[..Math.Max(0, frame.Length * cutFraction / 100)];
        foreach (var (position, value) in flips.Take(4))
        {
            if (copy.Length > 0)
            {
                copy[position % copy.Length] = (byte)value;
            }
        }

        return copy;
    }

    private static Arbitrary<SapientMessage> RandomDetection()
    {
        var text = Gen.Elements("a", "UAV Rotary Wing", "Bird", "ñandú", "");
        var number = Gen.OneOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 997.0), Gen.Elements(0.0, -0.0, double.NaN, double.MaxValue));
        var message =
            from seconds in Gen.Choose(0, int.MaxValue)
            from x in number
            from y in number
            from z in number
            from type in text
            from confidence in Gen.Choose(0, 100)
            from system in Gen.Elements(LocationCoordinateSystem.LatLngDegM, LocationCoordinateSystem.LatLngRadM, LocationCoordinateSystem.UtmM, (LocationCoordinateSystem)42)
            select new SapientMessage
            {
                Timestamp = new Timestamp { Seconds = seconds },
                NodeId = "6513270e-269e-4d37-b2a7-4de452e6b438",
                DetectionReport = new DetectionReport
                {
                    ReportId = "01KF1EQV217TRMCT2JAYYXCG7V",
                    ObjectId = "01KF1EQV22QJ4J7E61X4WJ8NPY",
                    Location = new Location { X = x, Y = y, Z = z, CoordinateSystem = system, Datum = LocationDatum.Wgs84E },
                    Classification = { new DetectionReport.Types.DetectionReportClassification { Type = type, Confidence = confidence / 100f } },
                },
            };
        return message.ToArbitrary();
    }
}
