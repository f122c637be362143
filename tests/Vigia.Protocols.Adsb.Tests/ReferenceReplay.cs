using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>Replays frames through decoder and state table and compares each with the peer's SBS line of the same index.</summary>
internal static class ReferenceReplay
{
    public static List<ModeSFrame> ReadBeast(byte[] stream)
    {
        var frames = new List<ModeSFrame>();
        var input = stream.AsSpan();
        while (!input.IsEmpty)
        {
            var status = BeastFramer.TryReadFrame(input, out var frame, out var consumed, out var error);
            Assert.True(status == DecodeStatus.Done, $"{status} {error} with {input.Length} bytes left");
            frames.Add(frame);
            input = input[consumed..];
        }

        return frames;
    }

    public static List<ModeSFrame> ReadAvr(byte[] text)
    {
        var frames = new List<ModeSFrame>();
        var input = text.AsSpan();
        while (true)
        {
            var status = AvrFramer.TryReadFrame(input, out var frame, out var consumed, out var error);
            input = input[consumed..];
            if (status == DecodeStatus.NeedMoreData)
            {
                Assert.True(input.IsEmpty, "unfinished line at the end");
                return frames;
            }

            Assert.True(status == DecodeStatus.Done, $"{status} {error}");
            frames.Add(frame);
        }
    }

    /// <summary>
    /// Applies every frame and compares with the SBS line of the same index; returns the number of positions
    /// that matched. <paramref name="timeOf"/> gives each frame's time.
    /// </summary>
    public static int CompareWithSbs(IReadOnlyList<ModeSFrame> frames, IReadOnlyList<string> sbs, AircraftStateTable table, Func<int, Timestamp> timeOf)
    {
        Assert.Equal(sbs.Count, frames.Count);
        var positions = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var status = ModeSDecoder.TryDecode(frame.Data, out var message, out var error);
            Assert.True(status == DecodeStatus.Done, $"frame {i}: {status} {error}");
            var update = table.Apply(message, timeOf(i));
            var expected = SbsLine.Parse(sbs[i]);
            var actual = SbsLine.Expected(message, update);

            // dump1090 prints an aircraft's first message only when its second arrives, from a copy taken before
            // the position was resolved: a position of ours on a first message is the one difference allowed.
            if (!expected.HasPosition && actual.HasPosition && (update.Changes & AircraftChanges.Created) != 0)
            {
                actual = actual with { Latitude = "", Longitude = "" };
            }

            Assert.True(expected == actual, $"frame {i} {Convert.ToHexString(frame.Data)}:\n peer {expected}\n ours {actual}");
            positions += expected.HasPosition ? 1 : 0;
        }

        return positions;
    }
}
