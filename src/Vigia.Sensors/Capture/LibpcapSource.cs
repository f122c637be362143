using System.Buffers;
using System.Runtime.InteropServices;
using Vigia.Core.Time;

namespace Vigia.Sensors.Capture;

/// <summary>
/// Packets from libpcap: a live interface (for Remote ID, a Wi-Fi interface in monitor mode) or a
/// capture file that libpcap opens itself. Gives the same <see cref="CaptureRecord"/> as
/// <see cref="CaptureReader"/>, so one decode loop serves both.
/// </summary>
/// <remarks>
/// Nothing throws for a missing library, interface or permission, or for bad file content: the
/// <c>TryOpen</c> methods return null with a <see cref="LibpcapError"/>, and a failed read returns
/// <see cref="LibpcapReadStatus.Error"/>. Each packet is copied into one pooled buffer (at most
/// <see cref="CaptureReader.MaximumPacketLength"/> bytes), valid until the next <see cref="ReadNext"/>.
/// Thread-safety: one reading thread; <see cref="Stop"/> may be called from any thread.
/// </remarks>
public sealed class LibpcapSource : IDisposable
{
    /// <summary>The live read timeout: how often a blocked read returns <see cref="LibpcapReadStatus.Timeout"/>.</summary>
    public const int LiveTimeoutMilliseconds = 100;

    private readonly LibpcapHandle _pcap;
    private readonly long _fractionToNanoseconds;
    private byte[] _buffer;
    private volatile bool _stopped;
    private bool _disposed;

    private LibpcapSource(LibpcapHandle pcap, string name, bool isLive, int dataLink)
    {
        _pcap = pcap;
        Name = name;
        IsLive = isLive;
        DataLink = dataLink;
        _fractionToNanoseconds = LibpcapNative.GetTimestampPrecision(pcap) == LibpcapNative.TimestampPrecisionNano ? 1 : 1000;
        _buffer = ArrayPool<byte>.Shared.Rent(CaptureReader.MaximumPacketLength);
    }

    /// <summary>The interface or file name.</summary>
    public string Name { get; }

    /// <summary>True for an interface, false for a file.</summary>
    public bool IsLive { get; }

    /// <summary>libpcap's DLT_ value; for the types Vigía reads it equals the LINKTYPE_ value.</summary>
    public int DataLink { get; }

    /// <summary>The link type of every record.</summary>
    public CaptureLinkType LinkType => (CaptureLinkType)DataLink;

    /// <summary>The fault that stopped reading, or the default value while none has.</summary>
    public LibpcapError Error { get; private set; }

    /// <summary>Records delivered so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>True when libpcap can be loaded; otherwise <paramref name="error"/> says how to install it.</summary>
    public static bool IsAvailable(out LibpcapError error)
    {
        if (LibpcapNative.IsLoaded)
        {
            error = default;
            return true;
        }

        error = new LibpcapError(LibpcapErrorCode.LibraryNotFound, "libpcap", "");
        return false;
    }

    /// <summary>
    /// Opens a capture file (pcap, or pcapng with libpcap ≥ 1.1) through libpcap, with nanosecond timestamps.
    /// </summary>
    /// <returns>The source, or null with <paramref name="error"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static LibpcapSource? TryOpenFile(string path, out LibpcapError error)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsAvailable(out error))
        {
            return null;
        }

        Span<byte> errorBuffer = stackalloc byte[LibpcapNative.ErrorBufferSize];
        errorBuffer.Clear();
        var pcap = LibpcapNative.OpenOffline(path, LibpcapNative.TimestampPrecisionNano, errorBuffer);
        if (pcap.IsInvalid)
        {
            pcap.Dispose();
            error = new LibpcapError(LibpcapErrorCode.OpenFailed, path, LibpcapNative.Text(errorBuffer));
            return null;
        }

        error = default;
        return new LibpcapSource(pcap, path, isLive: false, LibpcapNative.DataLink(pcap));
    }

    /// <summary>
    /// Opens a live interface: full snap length, promiscuous, immediate delivery, a
    /// <see cref="LiveTimeoutMilliseconds"/> read timeout. The interface must already be in monitor mode
    /// (an 802.11 link type, with or without radiotap); anything else is refused with
    /// <see cref="LibpcapErrorCode.NotMonitorMode"/>. Nothing is ever transmitted.
    /// </summary>
    /// <returns>The source, or null with <paramref name="error"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    public static LibpcapSource? TryOpenLive(string device, out LibpcapError error)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!IsAvailable(out error))
        {
            return null;
        }

        Span<byte> errorBuffer = stackalloc byte[LibpcapNative.ErrorBufferSize];
        errorBuffer.Clear();
        var pcap = LibpcapNative.Create(device, errorBuffer);
        if (pcap.IsInvalid)
        {
            pcap.Dispose();
            error = new LibpcapError(LibpcapErrorCode.OpenFailed, device, LibpcapNative.Text(errorBuffer));
            return null;
        }

        // Settings that fail only on an activated handle; precision and immediate mode are best effort.
        _ = LibpcapNative.SetSnapLength(pcap, CaptureReader.MaximumPacketLength);
        _ = LibpcapNative.SetPromiscuous(pcap, 1);
        _ = LibpcapNative.SetTimeout(pcap, LiveTimeoutMilliseconds);
        _ = LibpcapNative.SetImmediateMode(pcap, 1);
        _ = LibpcapNative.SetTimestampPrecision(pcap, LibpcapNative.TimestampPrecisionNano);
        var status = LibpcapNative.Activate(pcap);
        if (status < 0)
        {
            var detail = LibpcapNative.Text(LibpcapNative.GetError(pcap));
            if (detail.Length == 0)
            {
                detail = LibpcapNative.Text(LibpcapNative.StatusToString(status));
            }

            pcap.Dispose();
            var code = status switch
            {
                LibpcapNative.ErrorNoSuchDevice => LibpcapErrorCode.NoSuchDevice,
                LibpcapNative.ErrorPermissionDenied or LibpcapNative.ErrorPromiscuousPermissionDenied => LibpcapErrorCode.PermissionDenied,
                LibpcapNative.ErrorInterfaceNotUp => LibpcapErrorCode.InterfaceNotUp,
                LibpcapNative.ErrorRfmonNotSupported => LibpcapErrorCode.NotMonitorMode,
                _ => LibpcapErrorCode.OpenFailed,
            };
            error = new LibpcapError(code, device, detail);
            return null;
        }

        var dataLink = LibpcapNative.DataLink(pcap);
        if ((CaptureLinkType)dataLink is not (CaptureLinkType.Ieee80211 or CaptureLinkType.Ieee80211Radiotap))
        {
            var name = LibpcapNative.Text(LibpcapNative.DataLinkName(dataLink));
            pcap.Dispose();
            error = new LibpcapError(LibpcapErrorCode.NotMonitorMode, device, $"link type {(name.Length == 0 ? "unknown" : name)} ({dataLink}), not 802.11");
            return null;
        }

        error = default;
        return new LibpcapSource(pcap, device, isLive: true, dataLink);
    }

    /// <summary>Reads the next record, waiting at most <see cref="LiveTimeoutMilliseconds"/> on a live interface.</summary>
    /// <param name="record">The record when the result is <see cref="LibpcapReadStatus.Record"/>; its data is valid until the next call.</param>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public LibpcapReadStatus ReadNext(out CaptureRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        record = default;
        if (Error.Code != LibpcapErrorCode.None)
        {
            return LibpcapReadStatus.Error;
        }

        if (_stopped)
        {
            return LibpcapReadStatus.Stopped;
        }

        var status = LibpcapNative.NextEx(_pcap, out var header, out var data);
        switch (status)
        {
            case 1:
                break;
            case 0:
                return _stopped ? LibpcapReadStatus.Stopped : LibpcapReadStatus.Timeout;
            case -2:
                return IsLive || _stopped ? Stopped() : LibpcapReadStatus.EndOfFile;
            default:
                Error = new LibpcapError(LibpcapErrorCode.ReadFailed, Name, LibpcapNative.Text(LibpcapNative.GetError(_pcap)));
                return LibpcapReadStatus.Error;
        }

        // struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; }: tv_sec and tv_usec are C longs
        // (tv_usec holds nanoseconds at nanosecond precision; it is below 10^9, so its low 32 bits suffice, little- or big-endian aside).
        var longSize = LibpcapNative.CLongSize;
        long seconds = longSize == 8 ? Marshal.ReadInt64(header) : Marshal.ReadInt32(header);
        long fraction = longSize == 8 ? Marshal.ReadInt64(header, longSize) : Marshal.ReadInt32(header, longSize);
        var capturedLength = Marshal.ReadInt32(header, 2 * longSize);
        var originalLength = (uint)Marshal.ReadInt32(header, (2 * longSize) + 4);
        var length = Math.Clamp(capturedLength, 0, CaptureReader.MaximumPacketLength);
        if (length > 0)
        {
            Marshal.Copy(data, _buffer, 0, length);
        }

        RecordCount++;
        var timestamp = new Timestamp(unchecked((seconds * 1_000_000_000L) + (fraction * _fractionToNanoseconds)));
        record = new CaptureRecord(timestamp, hasTimestamp: true, LinkType, originalLength, _buffer.AsSpan(0, length), 0, -1);
        return LibpcapReadStatus.Record;
    }

    /// <summary>
    /// Ends reading: a read in progress returns soon (libpcap ≥ 1.10 wakes it at once, older ones at the next packet or
    /// timeout) and every later read returns <see cref="LibpcapReadStatus.Stopped"/>. Safe from any thread,
    /// and a no-op once disposed.
    /// </summary>
    public void Stop()
    {
        _stopped = true;
        var added = false;
        try
        {
            _pcap.DangerousAddRef(ref added);
            LibpcapNative.BreakLoop(_pcap);
        }
        catch (ObjectDisposedException)
        {
            // Already closed: nothing to wake.
        }
        finally
        {
            if (added)
            {
                _pcap.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pcap.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private LibpcapReadStatus Stopped()
    {
        _stopped = true;
        return LibpcapReadStatus.Stopped;
    }
}
