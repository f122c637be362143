namespace Vigia.Sensors.Capture;

/// <summary>
/// Why libpcap could not open an interface or file, or stopped reading: a code, the interface or file
/// name, and libpcap's own text. <see cref="Message"/> adds what to do about it.
/// </summary>
/// <remarks>Thread-safety: immutable value type.</remarks>
public readonly record struct LibpcapError
{
    /// <summary>Creates an error.</summary>
    public LibpcapError(LibpcapErrorCode code, string source, string detail)
    {
        Code = code;
        Source = source;
        Detail = detail;
    }

    /// <summary>The error code.</summary>
    public LibpcapErrorCode Code { get; }

    /// <summary>The interface or file name.</summary>
    public string Source { get; }

    /// <summary>libpcap's text (pcap_geterr or the error buffer), or ours.</summary>
    public string Detail { get; }

    /// <summary>A human-readable description with the remedy (allocates).</summary>
    public string Message
    {
        get
        {
            var detail = string.IsNullOrEmpty(Detail) ? "" : $" ({Detail})";
            return Code switch
            {
                LibpcapErrorCode.None => "no error",
                LibpcapErrorCode.LibraryNotFound =>
                    $"libpcap is not installed (tried {string.Join(", ", LibpcapNative.Candidates)}); install it with 'apt-get install libpcap0.8'",
                LibpcapErrorCode.NoSuchDevice =>
                    $"{Source}: no such interface{detail}; list the interfaces with 'iw dev' or 'ip link'",
                LibpcapErrorCode.PermissionDenied =>
                    $"{Source}: permission denied{detail}; run as root, or give the dotnet host the capabilities: " +
                    "sudo setcap cap_net_raw,cap_net_admin=eip \"$(readlink -f \"$(command -v dotnet)\")\"",
                LibpcapErrorCode.InterfaceNotUp =>
                    $"{Source}: the interface is down{detail}; bring it up with 'ip link set {Source} up'",
                LibpcapErrorCode.NotMonitorMode =>
                    $"{Source}: not in monitor mode{detail}; set it up with 'ip link set {Source} down', 'iw dev {Source} set type monitor', " +
                    $"'ip link set {Source} up', 'iw dev {Source} set channel 6'",
                LibpcapErrorCode.OpenFailed => $"{Source}: libpcap cannot open it{detail}",
                _ => $"{Source}: libpcap read failed{detail}",
            };
        }
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
