using System.Buffers;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;
using Vigia.Sensors.Adsb;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.Adsb;

/// <summary>The stream decoder over buffers split into many segments, as a PipeReader hands them over.</summary>
public sealed class AdsbStreamDecoderTests
{
    private static readonly byte[] Beast = File.ReadAllBytes(TestPaths.SharedData("adsb", "reference", "modes1_2400k.dump1090-mutability.beast.bin"));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    private static ReadOnlySequence<byte> Split(byte[] bytes, int size)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(size, bytes.Length)), null);
        var last = first;
        for (var at = size; at < bytes.Length; at += size)
        {
            last = new Segment(bytes.AsMemory(at, Math.Min(size, bytes.Length - at)), last);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(23)]
    [InlineData(100)]
    public void SegmentedBuffer_GivesTheSameObservationsAsOneSegment(int segmentSize)
    {
        var time = Timestamp.FromUnixSeconds(1_700_000_000);
        var whole = new AdsbStreamDecoder(new SensorId("a"), AdsbFeedFormat.Beast, new AircraftStateOptions(), TimeSpan.FromMinutes(1));
        var expected = new List<Observation>();
        var end = whole.Process(new ReadOnlySequence<byte>(Beast), time, expected);

        var split = new AdsbStreamDecoder(new SensorId("a"), AdsbFeedFormat.Beast, new AircraftStateOptions(), TimeSpan.FromMinutes(1));
        var actual = new List<Observation>();
        var sequence = Split(Beast, segmentSize);
        var consumed = split.Process(sequence, time, actual);

        Assert.Equal(Beast.Length, new ReadOnlySequence<byte>(Beast).Slice(0, end).Length);
        Assert.Equal(sequence.Length, sequence.Slice(0, consumed).Length);
        Assert.Equal(expected.Select(o => (o.Measurement.V0, o.Measurement.V1)), actual.Select(o => (o.Measurement.V0, o.Measurement.V1)));
        Assert.Equal(277, split.Counters.Frames);
    }

    [Fact]
    public void PartialFrameAtTheEnd_IsLeftUnconsumed()
    {
        var decoder = new AdsbStreamDecoder(new SensorId("a"), AdsbFeedFormat.Beast, new AircraftStateOptions(), TimeSpan.FromMinutes(1));
        var sequence = Split(Beast[..30], 7);
        var consumed = decoder.Process(sequence, Timestamp.FromUnixSeconds(0), new List<Observation>());
        Assert.Equal(23, sequence.Slice(0, consumed).Length);
        Assert.Equal(1, decoder.Counters.Frames);
    }
}
