using Vigia.Sensors.Capture;

namespace Vigia.Cli.Decode;

/// <summary>Outcome of <see cref="ICaptureRecordSource.ReadNext"/>.</summary>
internal enum RecordSourceStatus
{
    /// <summary>A record was read.</summary>
    Record,

    /// <summary>No packet yet (a live read timed out); read again.</summary>
    Idle,

    /// <summary>The file ended, or a live capture was stopped.</summary>
    End,

    /// <summary>Reading failed; <see cref="ICaptureRecordSource.Error"/> says why.</summary>
    Error,
}

/// <summary>
/// Where <see cref="CaptureDecoder"/> takes its records from: the managed pcap/pcapng reader, or libpcap
/// (a file it opens itself, or a live interface). The decode loop is the same for all of them.
/// </summary>
internal interface ICaptureRecordSource : IDisposable
{
    /// <summary>Reads the next record; its data is valid until the next call.</summary>
    RecordSourceStatus ReadNext(out CaptureRecord record);

    /// <summary>Why reading failed, after <see cref="RecordSourceStatus.Error"/>.</summary>
    string? Error { get; }

    /// <summary>Ends a blocked or later read (thread-safe); nothing for a file.</summary>
    void Stop();
}

/// <summary>Records from the managed <see cref="CaptureReader"/>.</summary>
internal sealed class ManagedCaptureSource(CaptureReader reader, string path) : ICaptureRecordSource
{
    public string? Error { get; private set; }

    public RecordSourceStatus ReadNext(out CaptureRecord record)
    {
        switch (reader.ReadNext(out record))
        {
            case CaptureReadStatus.Record:
                return RecordSourceStatus.Record;
            case CaptureReadStatus.EndOfFile:
                return RecordSourceStatus.End;
            default:
                Error = $"{path}: byte {reader.Error.Offset}: {reader.Error.Field}: {reader.Error.Message}";
                return RecordSourceStatus.Error;
        }
    }

    public void Stop()
    {
    }

    public void Dispose() => reader.Dispose();
}

/// <summary>Records from <see cref="LibpcapSource"/>.</summary>
internal sealed class LibpcapCaptureSource(LibpcapSource source) : ICaptureRecordSource
{
    public string? Error { get; private set; }

    public RecordSourceStatus ReadNext(out CaptureRecord record)
    {
        switch (source.ReadNext(out record))
        {
            case LibpcapReadStatus.Record:
                return RecordSourceStatus.Record;
            case LibpcapReadStatus.Timeout:
                return RecordSourceStatus.Idle;
            case LibpcapReadStatus.EndOfFile or LibpcapReadStatus.Stopped:
                return RecordSourceStatus.End;
            default:
                Error = source.Error.Message;
                return RecordSourceStatus.Error;
        }
    }

    public void Stop() => source.Stop();

    public void Dispose() => source.Dispose();
}
