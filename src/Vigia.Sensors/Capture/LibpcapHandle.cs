using Microsoft.Win32.SafeHandles;

namespace Vigia.Sensors.Capture;

/// <summary>A <c>pcap_t*</c>; released with <c>pcap_close</c>.</summary>
internal sealed class LibpcapHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Creates an empty handle (the marshaller fills it).</summary>
    public LibpcapHandle()
        : base(ownsHandle: true)
    {
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        LibpcapNative.Close(handle);
        return true;
    }
}
