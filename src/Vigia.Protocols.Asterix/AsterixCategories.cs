namespace Vigia.Protocols.Asterix;

/// <summary>The ASTERIX category numbers this project decodes (the CAT octet of a data block).</summary>
public static class AsterixCategories
{
    /// <summary>CAT-021, ADS-B target reports (edition 2.x).</summary>
    public const byte Cat021 = 21;

    /// <summary>CAT-034, monoradar service messages (north marker, sector crossing, status).</summary>
    public const byte Cat034 = 34;

    /// <summary>CAT-048, monoradar target reports (plots and local tracks).</summary>
    public const byte Cat048 = 48;

    /// <summary>CAT-062, SDPS system track messages (edition 1.x).</summary>
    public const byte Cat062 = 62;

    /// <summary>CAT-065, SDPS service status messages.</summary>
    public const byte Cat065 = 65;
}
