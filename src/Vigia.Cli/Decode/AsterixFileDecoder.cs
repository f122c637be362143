using Vigia.Core.Time;
using Vigia.Protocols.Asterix;
using Vigia.Sensors.Capture;
using Vigia.Sensors.Radar;

namespace Vigia.Cli.Decode;

/// <summary>
/// Decodes an ASTERIX recording for <c>vigia decode --asterix</c>: a pcap/pcapng of ASTERIX over UDP (each UDP payload
/// one datagram of data blocks, with its capture time) or a raw file of concatenated data blocks (no framing, no time).
/// </summary>
/// <remarks>
/// The format is told by the file's first octets (a pcap or pcapng magic number, else raw). Each datagram is decoded
/// inside one <c>try</c>, as in the radar adapter: an exception is a bug, counted and reported, and decoding goes on.
/// </remarks>
internal static class AsterixFileDecoder
{
    /// <summary>The largest raw file read whole.</summary>
    private const long MaxRawBytes = 256L << 20;

    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromSeconds(2);

    public static AsterixFileSummary Run(string path, TextWriter output, TextWriter errors, FrameOutputMode mode, AsterixDecoderOptions options, IReadOnlySet<int> ports)
    {
        var summary = new AsterixFileSummary();
        var duplicates = new RecordDeduplicator(DuplicateWindow, 8192);
        using var stream = File.OpenRead(path);
        if (!LooksLikeCapture(stream))
        {
            if (stream.Length > MaxRawBytes)
            {
                throw new UsageException($"{path}: a raw ASTERIX file over {MaxRawBytes >> 20} MiB; record it as a pcap instead");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            summary.Packets = 1;
            Decode(bytes, null, 1, options, new AsterixRecordPrinter(output, mode, duplicates, summary, 1, null), summary, errors);
            return summary;
        }

        using var reader = CaptureReader.TryOpen(stream, leaveOpen: true, out var openError)
            ?? throw new UsageException($"{path}: byte {openError.Offset}: {openError.Field}: {openError.Message}");
        CaptureReadStatus status;
        while ((status = reader.ReadNext(out var record)) == CaptureReadStatus.Record)
        {
            var packet = ++summary.Packets;
            if (!UdpFrame.TryGetPayload(record.Data, record.LinkType, out var payload, out var port) || (ports.Count > 0 && !ports.Contains(port)))
            {
                summary.Skipped++;
                continue;
            }

            Timestamp? time = record.HasTimestamp ? record.Timestamp : null;
            Decode(payload, time, packet, options, new AsterixRecordPrinter(output, mode, duplicates, summary, packet, time), summary, errors);
        }

        if (status == CaptureReadStatus.Error)
        {
            summary.ReadError = $"{path}: byte {reader.Error.Offset}: {reader.Error.Field}: {reader.Error.Message}";
        }

        return summary;
    }

    private static void Decode(ReadOnlySpan<byte> datagram, Timestamp? time, long packet, AsterixDecoderOptions options, AsterixRecordPrinter printer, AsterixFileSummary summary, TextWriter errors)
    {
        try
        {
            _ = AsterixDecoder.Decode(datagram, ref printer, options);
        }
#pragma warning disable CA1031 // Containment, as at the adapter boundary (house style §4.5): a bug, reported and counted.
        catch (Exception e)
#pragma warning restore CA1031
        {
            summary.InternalErrors++;
            errors.WriteLine($"vigia decode: internal error in packet {packet} ({time}): {e.GetType().Name}: {e.Message}; first octets {Convert.ToHexString(datagram[..Math.Min(datagram.Length, 64)])}");
        }
    }

    /// <summary>True when the stream starts with a pcap (either byte order, µs or ns) or pcapng magic number; rewinds it.</summary>
    private static bool LooksLikeCapture(Stream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read < 4)
        {
            return false;
        }

        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(magic);
        return value is 0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1 or 0x0A0D0D0A;
    }
}
