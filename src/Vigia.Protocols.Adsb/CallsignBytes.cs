using System.Runtime.CompilerServices;

namespace Vigia.Protocols.Adsb;

/// <summary>Inline storage for the 8 ASCII characters of an aircraft identification.</summary>
[InlineArray(Callsign.Length)]
internal struct CallsignBytes
{
    private byte _element0;
}
