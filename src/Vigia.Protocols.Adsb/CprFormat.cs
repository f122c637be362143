namespace Vigia.Protocols.Adsb;

/// <summary>The CPR format bit F of a position message: even (i = 0) or odd (i = 1) zone grid.</summary>
public enum CprFormat : byte
{
    /// <summary>Even frame: 60 latitude zones (i = 0).</summary>
    Even = 0,

    /// <summary>Odd frame: 59 latitude zones (i = 1).</summary>
    Odd = 1,
}
