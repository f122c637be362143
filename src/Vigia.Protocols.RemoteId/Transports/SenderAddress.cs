using System.Globalization;

namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>
/// A 48-bit sender address (IEEE 802 MAC or Bluetooth device address), held in display order:
/// the first byte is the one written first in <c>84:cc:a8:60:43:24</c>.
/// </summary>
/// <remarks>
/// 802.11 transmits addresses in display order; Bluetooth LE transmits them least significant byte
/// first (Core 5.3 Vol 6 Part B §1.3), so <see cref="FromBluetoothAirOrder"/> reverses them.
/// Thread-safety: immutable value type, safe to share.
/// </remarks>
public readonly record struct SenderAddress
{
    /// <summary>Number of bytes in an address.</summary>
    public const int Length = 6;

    private readonly ulong _value;

    private SenderAddress(ulong value) => _value = value;

    /// <summary>The address as a 48-bit integer whose most significant byte is the first displayed byte.</summary>
    public ulong Value => _value;

    /// <summary>Reads an address in display (802.11 transmission) order; needs at least 6 bytes.</summary>
    /// <exception cref="ArgumentException">Fewer than 6 bytes (a programmer error).</exception>
    public static SenderAddress FromDisplayOrder(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length)
        {
            throw new ArgumentException("an address needs 6 bytes", nameof(bytes));
        }

        ulong v = 0;
        for (var i = 0; i < Length; i++)
        {
            v = (v << 8) | bytes[i];
        }

        return new SenderAddress(v);
    }

    /// <summary>Reads a Bluetooth device address as it is on the air (least significant byte first); needs at least 6 bytes.</summary>
    /// <exception cref="ArgumentException">Fewer than 6 bytes (a programmer error).</exception>
    public static SenderAddress FromBluetoothAirOrder(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length)
        {
            throw new ArgumentException("an address needs 6 bytes", nameof(bytes));
        }

        ulong v = 0;
        for (var i = Length - 1; i >= 0; i--)
        {
            v = (v << 8) | bytes[i];
        }

        return new SenderAddress(v);
    }

    /// <summary>Writes the 6 bytes in display order.</summary>
    /// <exception cref="ArgumentException">Fewer than 6 bytes of room (a programmer error).</exception>
    public void WriteDisplayOrder(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("an address needs 6 bytes", nameof(destination));
        }

        for (var i = 0; i < Length; i++)
        {
            destination[i] = unchecked((byte)(_value >> (8 * (Length - 1 - i))));
        }
    }

    /// <summary>Lower-case colon-separated text, e.g. <c>84:cc:a8:60:43:24</c>.</summary>
    public override string ToString()
    {
        Span<byte> b = stackalloc byte[Length];
        WriteDisplayOrder(b);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}:{b[4]:x2}:{b[5]:x2}");
    }
}
