using System.Globalization;

namespace Vigia.Protocols.Asterix;

/// <summary>System Area Code and System Identification Code: which radar, SDPS or ground station sent the data.</summary>
/// <remarks>ASTERIX I048/010, I034/010, I062/010, I065/010, I021/010 (two octets: SAC, SIC). Thread-safety: a value.</remarks>
public readonly record struct DataSourceIdentifier(byte Sac, byte Sic)
{
    internal static DataSourceIdentifier From(ReadOnlySpan<byte> item) => new(item[0], item[1]);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sac}/{Sic}");
}
