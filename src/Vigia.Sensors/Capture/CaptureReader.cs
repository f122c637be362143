using System.Buffers;
using System.Buffers.Binary;

namespace Vigia.Sensors.Capture;

/// <summary>
/// Streaming reader of pcap and pcapng capture files. Records are read one at a time into a pooled
/// buffer; a truncated or corrupt file stops the reader with a <see cref="CaptureError"/> that gives the
/// byte offset, and every record before the fault has been delivered.
/// </summary>
/// <remarks>
/// The reader never throws for bad file content; only a <see langword="null"/> stream or use after
/// <see cref="Dispose()"/> throw. Thread-safety: not thread-safe; one reader per thread.
/// </remarks>
public abstract class CaptureReader : IDisposable
{
    /// <summary>libpcap's largest snapshot length (MAXIMUM_SNAPLEN), the cap on one captured packet.</summary>
    public const int MaximumPacketLength = 262_144;

    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private bool _disposed;

    /// <summary>Creates a reader; <paramref name="consumed"/> bytes of the stream (the magic number) have been read.</summary>
    private protected CaptureReader(Stream stream, bool leaveOpen, long consumed)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        Position = consumed;
    }

    /// <summary>The fault that stopped the reader, or the default value while none has.</summary>
    public CaptureError Error { get; private set; }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long Position { get; private set; }

    /// <summary>Records delivered so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>True once the reader has stopped on a fault.</summary>
    public bool IsFaulted => Error.Code != CaptureErrorCode.None;

    /// <summary>The link type of the file (pcap) or of its first interface (pcapng); null while unknown.</summary>
    public abstract CaptureLinkType? FileLinkType { get; }

    /// <summary>
    /// Opens a reader by the file's magic number: pcap (either byte order, micro- or nanosecond) or pcapng.
    /// </summary>
    /// <param name="stream">The file content, read forward only.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on dispose.</param>
    /// <param name="error">Why the file cannot be read, when the result is null.</param>
    /// <returns>The reader, or null (and the stream disposed unless <paramref name="leaveOpen"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static CaptureReader? TryOpen(Stream stream, bool leaveOpen, out CaptureError error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> magic = stackalloc byte[4];
        int read;
        try
        {
            read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        }
        catch (IOException)
        {
            read = -1;
        }

        if (read != 4)
        {
            error = new CaptureError(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, 0, "Magic", 4, Math.Max(read, 0));
            CloseUnlessLeftOpen(stream, leaveOpen);
            return null;
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        CaptureReader? reader = value switch
        {
            PcapngReader.BlockTypeSectionHeader => new PcapngReader(stream, leaveOpen),
            PcapReader.MagicMicroseconds or PcapReader.MagicNanoseconds
                or PcapReader.MagicMicrosecondsSwapped or PcapReader.MagicNanosecondsSwapped => new PcapReader(stream, leaveOpen, value),
            _ => null,
        };

        if (reader is null)
        {
            error = new CaptureError(CaptureErrorCode.UnknownFormat, 0, "Magic", -1, value);
            CloseUnlessLeftOpen(stream, leaveOpen);
            return null;
        }

        if (reader.IsFaulted)
        {
            error = reader.Error;
            reader.Dispose();
            return null;
        }

        error = default;
        return reader;
    }

    /// <summary>Reads the next record.</summary>
    /// <param name="record">The record when the result is <see cref="CaptureReadStatus.Record"/>; its data is valid until the next call.</param>
    /// <returns>The outcome; after <see cref="CaptureReadStatus.Error"/> or <see cref="CaptureReadStatus.EndOfFile"/> every later call returns the same.</returns>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    public CaptureReadStatus ReadNext(out CaptureRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsFaulted)
        {
            record = default;
            return CaptureReadStatus.Error;
        }

        var status = ReadNextCore(out record);
        if (status == CaptureReadStatus.Record)
        {
            RecordCount++;
        }

        return status;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns the pooled buffer and closes the stream unless it was left open.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            CloseUnlessLeftOpen(_stream, _leaveOpen);
        }
    }

    /// <summary>Reads one record; the base class counts records and latches faults.</summary>
    private protected abstract CaptureReadStatus ReadNextCore(out CaptureRecord record);

    /// <summary>Records a fault and returns <see cref="CaptureReadStatus.Error"/>.</summary>
    private protected CaptureReadStatus Fault(CaptureErrorCode code, long offset, string field, long expected = -1, long actual = -1)
    {
        Error = new CaptureError(code, offset, field, expected, actual);
        return CaptureReadStatus.Error;
    }

    /// <summary>
    /// Reads exactly <paramref name="count"/> bytes into the pooled buffer at <paramref name="bufferOffset"/>, growing it as needed
    /// (callers cap <paramref name="count"/> first). Returns the number of bytes read: fewer means the stream ended, −1 an I/O error.
    /// </summary>
    private protected int Fill(int bufferOffset, int count)
    {
        var needed = checked(bufferOffset + count);
        if (needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            _buffer.AsSpan(0, bufferOffset).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read;
        try
        {
            read = _stream.ReadAtLeast(_buffer.AsSpan(bufferOffset, count), count, throwOnEndOfStream: false);
        }
        catch (IOException)
        {
            return -1;
        }

        Position += read;
        return read;
    }

    /// <summary>The pooled buffer's first <paramref name="length"/> bytes.</summary>
    private protected ReadOnlySpan<byte> Buffer(int length) => _buffer.AsSpan(0, length);

    private static void CloseUnlessLeftOpen(Stream stream, bool leaveOpen)
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
