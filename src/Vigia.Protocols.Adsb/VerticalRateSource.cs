namespace Vigia.Protocols.Adsb;

/// <summary>Source of the vertical rate in an airborne velocity message (ME bit 36).</summary>
public enum VerticalRateSource : byte
{
    /// <summary>Geometric (GNSS) vertical rate.</summary>
    Gnss = 0,

    /// <summary>Barometric vertical rate.</summary>
    Barometric = 1,
}
