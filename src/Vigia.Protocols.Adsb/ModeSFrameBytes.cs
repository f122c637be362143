using System.Runtime.CompilerServices;

namespace Vigia.Protocols.Adsb;

/// <summary>Inline storage for the bytes of one reply (at most 112 bits), so a frame is a value with no heap part.</summary>
[InlineArray(ModeSFrame.MaxLength)]
internal struct ModeSFrameBytes
{
    private byte _element0;
}
