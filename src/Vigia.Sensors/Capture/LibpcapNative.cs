using System.Reflection;
using System.Runtime.InteropServices;

namespace Vigia.Sensors.Capture;

/// <summary>
/// The few libpcap entry points that <see cref="LibpcapSource"/> needs, bound with source-generated
/// P/Invoke. The library is looked up by its Debian name first (<c>libpcap.so.0.8</c>, package
/// <c>libpcap0.8</c>), then by the other usual names.
/// </summary>
internal static partial class LibpcapNative
{
    /// <summary>PCAP_ERRBUF_SIZE.</summary>
    public const int ErrorBufferSize = 256;

    /// <summary>PCAP_TSTAMP_PRECISION_NANO.</summary>
    public const int TimestampPrecisionNano = 1;

    /// <summary>pcap_activate's PCAP_ERROR_NO_SUCH_DEVICE.</summary>
    public const int ErrorNoSuchDevice = -5;

    /// <summary>pcap_activate's PCAP_ERROR_RFMON_NOTSUP.</summary>
    public const int ErrorRfmonNotSupported = -6;

    /// <summary>pcap_activate's PCAP_ERROR_PERM_DENIED.</summary>
    public const int ErrorPermissionDenied = -8;

    /// <summary>pcap_activate's PCAP_ERROR_IFACE_NOT_UP.</summary>
    public const int ErrorInterfaceNotUp = -9;

    /// <summary>pcap_activate's PCAP_ERROR_PROMISC_PERM_DENIED.</summary>
    public const int ErrorPromiscuousPermissionDenied = -11;

    /// <summary>The logical name the imports use; the resolver maps it to the first candidate that loads.</summary>
    private const string Library = "libpcap";

    private static readonly Lazy<nint> Handle = new(Load);

    static LibpcapNative() => NativeLibrary.SetDllImportResolver(typeof(LibpcapNative).Assembly, Resolve);

    /// <summary>The file names tried, in order.</summary>
    public static string[] Candidates { get; } =
        OperatingSystem.IsWindows() ? ["wpcap.dll"]
        : OperatingSystem.IsMacOS() ? ["libpcap.A.dylib", "libpcap.dylib"]
        : ["libpcap.so.0.8", "libpcap.so.1", "libpcap.so", "libpcap"];

    /// <summary>True when one of the <see cref="Candidates"/> loaded.</summary>
    public static bool IsLoaded => Handle.Value != 0;

    /// <summary>The size of a C <c>long</c> (the fields of <c>struct timeval</c>): 4 on Windows, the pointer size elsewhere.</summary>
    public static int CLongSize { get; } = OperatingSystem.IsWindows() ? 4 : IntPtr.Size;

    [LibraryImport(Library, EntryPoint = "pcap_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LibpcapHandle Create(string device, Span<byte> errorBuffer);

    [LibraryImport(Library, EntryPoint = "pcap_set_snaplen")]
    public static partial int SetSnapLength(LibpcapHandle pcap, int snapLength);

    [LibraryImport(Library, EntryPoint = "pcap_set_promisc")]
    public static partial int SetPromiscuous(LibpcapHandle pcap, int promiscuous);

    [LibraryImport(Library, EntryPoint = "pcap_set_timeout")]
    public static partial int SetTimeout(LibpcapHandle pcap, int milliseconds);

    [LibraryImport(Library, EntryPoint = "pcap_set_immediate_mode")]
    public static partial int SetImmediateMode(LibpcapHandle pcap, int immediate);

    [LibraryImport(Library, EntryPoint = "pcap_set_tstamp_precision")]
    public static partial int SetTimestampPrecision(LibpcapHandle pcap, int precision);

    [LibraryImport(Library, EntryPoint = "pcap_get_tstamp_precision")]
    public static partial int GetTimestampPrecision(LibpcapHandle pcap);

    [LibraryImport(Library, EntryPoint = "pcap_activate")]
    public static partial int Activate(LibpcapHandle pcap);

    [LibraryImport(Library, EntryPoint = "pcap_open_offline_with_tstamp_precision", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LibpcapHandle OpenOffline(string path, int precision, Span<byte> errorBuffer);

    [LibraryImport(Library, EntryPoint = "pcap_datalink")]
    public static partial int DataLink(LibpcapHandle pcap);

    [LibraryImport(Library, EntryPoint = "pcap_datalink_val_to_name")]
    public static partial nint DataLinkName(int dataLink);

    /// <summary>pcap_next_ex: 1 a packet, 0 the live timeout passed, −1 an error, −2 end of file or pcap_breakloop.</summary>
    [LibraryImport(Library, EntryPoint = "pcap_next_ex")]
    public static partial int NextEx(LibpcapHandle pcap, out nint header, out nint data);

    [LibraryImport(Library, EntryPoint = "pcap_breakloop")]
    public static partial void BreakLoop(LibpcapHandle pcap);

    [LibraryImport(Library, EntryPoint = "pcap_geterr")]
    public static partial nint GetError(LibpcapHandle pcap);

    [LibraryImport(Library, EntryPoint = "pcap_statustostr")]
    public static partial nint StatusToString(int status);

    [LibraryImport(Library, EntryPoint = "pcap_close")]
    public static partial void Close(nint pcap);

    /// <summary>The NUL-terminated text libpcap wrote into <paramref name="errorBuffer"/>.</summary>
    public static string Text(ReadOnlySpan<byte> errorBuffer)
    {
        var end = errorBuffer.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? errorBuffer : errorBuffer[..end]);
    }

    /// <summary>A C string returned by libpcap (owned by it), or "" for null.</summary>
    public static string Text(nint cString) => cString == 0 ? "" : Marshal.PtrToStringUTF8(cString) ?? "";

    private static nint Load()
    {
        foreach (var name in Candidates)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return handle;
            }
        }

        return 0;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Library ? Handle.Value : 0;
}
