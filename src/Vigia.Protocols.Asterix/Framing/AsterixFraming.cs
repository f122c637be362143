using System.Buffers.Binary;

namespace Vigia.Protocols.Asterix.Framing;

/// <summary>Splits bytes into ASTERIX data blocks by their CAT/LEN header (datagrams, raw files, TCP streams).</summary>
/// <remarks>ASTERIX Part 1 §4.2. Never throws on bad data and allocates nothing. Thread-safety: stateless.</remarks>
public static class AsterixFraming
{
    /// <summary>Reads the data block at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Bytes that start with a block header.</param>
    /// <param name="block">The block when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">
    /// For <see cref="DecodeStatus.InvalidData"/>, why; for <see cref="DecodeStatus.NeedMoreData"/>, a
    /// <see cref="AsterixErrorCode.BlockTruncated"/> description a datagram reader can report as is.
    /// </param>
    /// <returns>
    /// <see cref="DecodeStatus.Done"/>; <see cref="DecodeStatus.NeedMoreData"/> when fewer than 3 octets or fewer
    /// than LEN octets are there (on a stream, wait; in a datagram, the block is truncated);
    /// <see cref="DecodeStatus.InvalidData"/> when LEN is below 4. After an invalid LEN a stream has lost
    /// synchronisation: drop the connection (house style §4.6).
    /// </returns>
    public static DecodeStatus TryReadBlock(ReadOnlySpan<byte> data, out AsterixDataBlock block, out DecodeError error)
    {
        block = default;
        if (data.Length < AsterixDataBlock.HeaderSize)
        {
            error = new DecodeError(AsterixErrorCode.BlockTruncated, 0, "LEN", AsterixDataBlock.HeaderSize, data.Length);
            return DecodeStatus.NeedMoreData;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        if (length < AsterixDataBlock.MinLength)
        {
            error = new DecodeError(AsterixErrorCode.BlockLengthInvalid, 1, "LEN", AsterixDataBlock.MinLength, length);
            return DecodeStatus.InvalidData;
        }

        if (length > data.Length)
        {
            error = new DecodeError(AsterixErrorCode.BlockTruncated, 1, "LEN", length, data.Length);
            return DecodeStatus.NeedMoreData;
        }

        block = new AsterixDataBlock(data[0], data[..length]);
        error = default;
        return DecodeStatus.Done;
    }
}
