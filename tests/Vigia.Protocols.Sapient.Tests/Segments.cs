using System.Buffers;

namespace Vigia.Protocols.Sapient.Tests;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, as a PipeReader hands over data that arrived in pieces.</summary>
public static class Segments
{
    /// <summary>Splits <paramref name="bytes"/> at the given offsets (ascending, inside the array).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        var bounds = cuts.Prepend(0).Append(bytes.Length).ToArray();
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            var memory = bytes.AsMemory(bounds[i], bounds[i + 1] - bounds[i]);
            if (last is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last.Append(memory);
            }
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
